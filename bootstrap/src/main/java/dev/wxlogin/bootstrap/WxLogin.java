package dev.wxlogin.bootstrap;

/** {@code java -jar wxlogin.jar}: start from WXLOGIN_* settings, stop gracefully on SIGTERM or Ctrl-C. */
public final class WxLogin {
    private WxLogin() {}

    public static void main(String[] args) {
        WxLoginServer server;
        try {
            server = WxLoginServer.start(Settings.load());
        } catch (InvalidConfiguration e) {
            System.err.println("wxlogin: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("wxlogin-shutdown").unstarted(server::close));
        System.out.println(server.describe());
    }
}

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
        } catch (RuntimeException e) {
            System.err.println("wxlogin: could not start: " + rootCause(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("wxlogin-shutdown").unstarted(server::close));
        System.out.println(server.describe());
    }

    /** The innermost cause says what went wrong (a port in use, a database refusing the login). */
    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

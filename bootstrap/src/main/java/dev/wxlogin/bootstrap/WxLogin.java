package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;

import java.util.List;

/**
 * {@code java -jar wxlogin.jar}: start from WXLOGIN_* settings, stop gracefully on SIGTERM or Ctrl-C.
 * {@code java -jar wxlogin.jar sandbox [--port N]} starts only the WeChat sandbox ({@link StandaloneSandbox}).
 */
public final class WxLogin {
    private WxLogin() {}

    public static void main(String[] args) {
        JettyWithoutJmx.tellJetty(Runtime.getRuntime().maxMemory());
        AutoCloseable running;
        String banner;
        try {
            if (args.length > 0 && args[0].equals("sandbox")) {
                WeChatSandbox sandbox = StandaloneSandbox.start(List.of(args).subList(1, args.length),
                        ConfigurationSource.fromEnvironment());
                running = sandbox;
                banner = "WeChat sandbox listening on " + sandbox.baseUrl() + " for AppIDs "
                        + sandbox.miniPrograms().stream().map(app -> app.appId().value()).toList();
            } else if (args.length > 0) {
                throw new InvalidConfiguration("unknown arguments " + List.of(args) + "; " + StandaloneSandbox.USAGE);
            } else {
                WxLoginServer server = WxLoginServer.start(Settings.load());
                running = server;
                banner = server.describe();
            }
        } catch (InvalidConfiguration e) {
            System.err.println("wxlogin: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("wxlogin: could not start: " + rootCause(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("wxlogin-shutdown").unstarted(() -> close(running)));
        System.out.println(banner);
    }

    private static void close(AutoCloseable running) {
        try {
            running.close();
        } catch (Exception e) {
            System.err.println("wxlogin: stopping failed: " + rootCause(e));
        }
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

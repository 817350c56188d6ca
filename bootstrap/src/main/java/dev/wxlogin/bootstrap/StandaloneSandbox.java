package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.MiniProgram;

import java.util.List;

/**
 * {@code wxlogin sandbox [--port N]}: the WeChat sandbox as a process of its own, for a benchmark whose server
 * CPU must not include WeChat's, or for another backend's CI. It answers WeChat's API and, on the same loopback
 * port, {@code /sandbox/code}, {@code /sandbox/codes}, {@code /sandbox/phone-code} and {@code /sandbox/faults}. The {@code WXLOGIN_SANDBOX_*}
 * variables apply (so {@code WXLOGIN_SANDBOX_APPS} names several apps), and {@code WXLOGIN_APP_ID} with
 * {@code WXLOGIN_APP_SECRET}, or {@code WXLOGIN_APPS} with their secrets, name the apps it plays instead.
 */
final class StandaloneSandbox {
    static final String USAGE = "usage: wxlogin sandbox [--port N]   (N: 0 to 65535; default WXLOGIN_SANDBOX_PORT or 18999)";
    private static final int DEFAULT_PORT = 18999;

    private StandaloneSandbox() {}

    static WeChatSandbox start(List<String> args, ConfigurationSource config) {
        List<MiniProgram> apps = AppVariables.from(config);
        int port = port(args, config.integer("WXLOGIN_SANDBOX_PORT", DEFAULT_PORT, 0, 65535));
        return new WeChatSandbox(SandboxVariables.builder(config, apps).port(port).build()).withControlRoutes().start();
    }

    private static int port(List<String> args, int fallback) {
        if (args.isEmpty()) {
            return fallback;
        }
        if (args.size() != 2 || !args.getFirst().equals("--port")) {
            throw new InvalidConfiguration(USAGE);
        }
        try {
            int port = Integer.parseInt(args.get(1));
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new InvalidConfiguration(USAGE);
    }
}

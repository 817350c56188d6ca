package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;

import java.util.List;
import java.util.Optional;

/**
 * {@code wxlogin sandbox [--port N]}: the WeChat sandbox as a process of its own, for a benchmark whose server
 * CPU must not include WeChat's, or for another backend's CI. It answers WeChat's API and, on the same loopback
 * port, {@code /sandbox/code}, {@code /sandbox/codes}, {@code /sandbox/phone-code} and {@code /sandbox/faults}. The {@code WXLOGIN_SANDBOX_*}
 * variables apply, and {@code WXLOGIN_APP_ID} with {@code WXLOGIN_APP_SECRET} name the app it plays.
 */
final class StandaloneSandbox {
    static final String USAGE = "usage: wxlogin sandbox [--port N]   (N: 0 to 65535; default WXLOGIN_SANDBOX_PORT or 18999)";
    private static final int DEFAULT_PORT = 18999;

    private StandaloneSandbox() {}

    static WeChatSandbox start(List<String> args, ConfigurationSource config) {
        Optional<AppId> appId = config.parsed("WXLOGIN_APP_ID", AppId::new);
        Optional<AppSecret> secret = config.parsed("WXLOGIN_APP_SECRET", AppSecret::new);
        if (appId.isPresent() != secret.isPresent()) {
            throw new InvalidConfiguration("WXLOGIN_APP_ID and WXLOGIN_APP_SECRET go together");
        }
        Optional<MiniProgram> app = appId.map(id -> new MiniProgram(id, secret.orElseThrow()));
        int port = port(args, config.integer("WXLOGIN_SANDBOX_PORT", DEFAULT_PORT, 0, 65535));
        return new WeChatSandbox(SandboxVariables.builder(config, app).port(port).build()).withControlRoutes().start();
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

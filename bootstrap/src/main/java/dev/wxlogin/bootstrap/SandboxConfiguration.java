package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxCodeMintingAdapter;
import dev.wxlogin.adapters.wechat.sandbox.SandboxFaults;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.application.SandboxCodeService;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForGettingSandboxCodes;
import dev.wxlogin.domain.port.out.ForMintingSandboxCodes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The built-in WeChat sandbox on a loopback port, and the adapter talking to it over HTTP as it would
 * to WeChat. With WXLOGIN_APP_ID set and WXLOGIN_SANDBOX=true, the sandbox plays that mini program.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {
    @Bean(destroyMethod = "close")
    WeChatSandbox weChatSandbox(Settings settings) {
        SandboxApp app = settings.appId()
                .map(id -> new SandboxApp(id, settings.appSecret().orElseThrow(), true))
                .orElse(SandboxSettings.DEFAULT_APP);
        Settings.SandboxOptions options = settings.sandboxOptions();
        SandboxSettings sandbox = SandboxSettings.builder()
                .port(options.port())
                .apps(List.of(app))
                .riskyUsers(options.riskyUsers())
                .contentType(options.contentType())
                .faults(new SandboxFaults()
                        .busyRate(options.busyRate())
                        .latency(options.latency())
                        .quotaExceeded(options.faults().contains("quota_exceeded"))
                        .hang(options.faults().contains("hang"))
                        .badGateway(options.faults().contains("bad_gateway")))
                .build();
        return new WeChatSandbox(sandbox).start();
    }

    @Bean
    WeChatEndpoint weChatEndpoint(WeChatSandbox sandbox) {
        AppId defaultApp = sandbox.miniPrograms().getFirst().appId();
        return new WeChatEndpoint(sandbox.baseUrl(), sandbox.miniPrograms(), defaultApp, "sandbox");
    }

    @Bean
    ForMintingSandboxCodes mintingSandboxCodes(WeChatSandbox sandbox) {
        return new SandboxCodeMintingAdapter(sandbox);
    }

    @Bean
    ForGettingSandboxCodes gettingSandboxCodes(ForMintingSandboxCodes sandbox) {
        return new SandboxCodeService(sandbox);
    }
}

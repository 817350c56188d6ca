package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.SandboxCodeMintingAdapter;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.application.SandboxCodeService;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForGettingSandboxCodes;
import dev.wxlogin.domain.port.out.ForMintingSandboxCodes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in WeChat sandbox on a loopback port, and the adapter talking to it over HTTP as it would
 * to WeChat. With WXLOGIN_APP_ID set and WXLOGIN_SANDBOX=true, the sandbox plays that mini program.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {
    @Bean(destroyMethod = "close")
    WeChatSandbox weChatSandbox(Settings settings) {
        return new WeChatSandbox(settings.wechat().sandbox().orElseThrow()).start();
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

package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.rest.ExtraRoute;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * The built-in WeChat sandbox on a loopback port, and the adapter talking to it over HTTP as it would
 * to WeChat. With WXLOGIN_APP_ID (or WXLOGIN_APPS) set and WXLOGIN_SANDBOX=true, the sandbox plays those mini
 * programs; else those of WXLOGIN_SANDBOX_APPS, else one of its own.
 * Its {@code wx.login()} is served on the server's own port as {@code POST /sandbox/code} (and its getPhoneNumber
 * button as {@code POST /sandbox/phone-code}), each an
 * {@link ExtraRoute} of the REST API: the sandbox is a development fake, not a use case of the hexagon.
 */
@Configuration(proxyBeanMethods = false)
class SandboxConfiguration {
    @Bean(destroyMethod = "close")
    WeChatSandbox weChatSandbox(Settings settings) {
        return new WeChatSandbox(settings.wechat().sandbox().orElseThrow()).start();
    }

    @Bean
    WeChatEndpoint weChatEndpoint(WeChatSandbox sandbox) {
        return new WeChatEndpoint(sandbox.baseUrl(), sandbox.miniPrograms(), "sandbox");
    }

    /** {@code {"user":"alice"}}, optionally with an {@code "appId"}, in; {@code {"code":"…"}} out. */
    @Bean
    ExtraRoute sandboxCodeRoute(WeChatSandbox sandbox) {
        return new ExtraRoute("/sandbox/code", body -> Map.of("code",
                sandbox.wxLogin(body.optionalString("appId").map(AppId::new), body.requiredString("user")).value()));
    }

    /**
     * {@code {"user":"alice","kind":"phone"|"userinfo"|"werun"|"share"}}, optionally with an {@code "appId"}, in;
     * {@code {"encryptedData","iv"}} (and {@code "rawData","signature"} for user info) out.
     */
    @Bean
    ExtraRoute sandboxOpenDataRoute(WeChatSandbox sandbox) {
        return new ExtraRoute("/sandbox/open-data", body -> sandbox.openData(
                body.optionalString("appId").map(AppId::new), body.requiredString("user"), body.requiredString("kind")));
    }

    /** The getPhoneNumber button's {@code e.detail.code}: {@code {"user":"alice"[,"appId"]}} in, {@code {"code":"…"}} out. */
    @Bean
    ExtraRoute sandboxPhoneCodeRoute(WeChatSandbox sandbox) {
        return new ExtraRoute("/sandbox/phone-code", body -> Map.of("code",
                sandbox.phoneCode(body.optionalString("appId").map(AppId::new), body.requiredString("user")).value()));
    }
}

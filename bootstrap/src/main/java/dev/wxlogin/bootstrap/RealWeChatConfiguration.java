package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Talk to WeChat (or whatever WXLOGIN_WECHAT_URL points at) with the configured AppIDs and AppSecrets. */
@Configuration(proxyBeanMethods = false)
class RealWeChatConfiguration {
    @Bean
    WeChatEndpoint weChatEndpoint(Settings settings) {
        WeChatApiSettings wechat = settings.wechat().api();
        return new WeChatEndpoint(wechat.baseUrl(), wechat.miniPrograms(), "WeChat");
    }
}

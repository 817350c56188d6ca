package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.app.MiniProgram;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Talk to WeChat (or whatever WXLOGIN_WECHAT_URL points at) with the configured AppID and AppSecret. */
@Configuration(proxyBeanMethods = false)
class RealWeChatConfiguration {
    @Bean
    WeChatEndpoint weChatEndpoint(Settings settings) {
        MiniProgram app = new MiniProgram(settings.appId().orElseThrow(), settings.appSecret().orElseThrow());
        return new WeChatEndpoint(settings.wechatUrl(), List.of(app), app.appId(), "WeChat");
    }
}

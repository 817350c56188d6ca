package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.domain.app.MiniProgram;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.util.List;

/** Talk to WeChat (or whatever WXLOGIN_WECHAT_URL points at) with the configured AppID and AppSecret. */
@Configuration(proxyBeanMethods = false)
class RealWeChatConfiguration {
    @Bean
    WeChatEndpoint weChatEndpoint(Settings settings) {
        MiniProgram app = new MiniProgram(settings.appId().orElseThrow(), settings.appSecret().orElseThrow());
        return new WeChatEndpoint(wechatUrl(settings), List.of(app), app.appId(), "WeChat");
    }

    /** The adapter's own rule, checked where the setting becomes WeChat's address so that a refusal names it. */
    private static URI wechatUrl(Settings settings) {
        WeChatApiSettings.baseUrlProblem(settings.wechatUrl()).ifPresent(problem -> {
            throw new InvalidConfiguration("WXLOGIN_WECHAT_URL " + problem);
        });
        return settings.wechatUrl();
    }
}

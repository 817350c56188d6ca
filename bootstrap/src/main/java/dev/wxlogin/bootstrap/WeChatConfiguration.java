package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.WeChatApiLoginCodeAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.domain.port.out.ForExchangingLoginCodes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The code2Session client, pointed at WeChat or at the sandbox by whichever {@link WeChatEndpoint} is
 * wired. Spring closes its HTTP client on shutdown (the adapter is AutoCloseable).
 */
@Configuration(proxyBeanMethods = false)
class WeChatConfiguration {
    @Bean
    ForExchangingLoginCodes exchangingLoginCodes(WeChatEndpoint endpoint) {
        return new WeChatApiLoginCodeAdapter(WeChatApiSettings.of(endpoint.baseUrl(), endpoint.miniPrograms()));
    }
}

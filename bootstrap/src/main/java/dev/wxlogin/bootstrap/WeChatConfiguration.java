package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.WeChatApiAccessTokenAdapter;
import dev.wxlogin.adapters.wechat.JceOpenDataDecryptionAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiLoginCodeAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.domain.port.out.ForDecryptingOpenData;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The code2Session client, pointed at WeChat or at the sandbox by whichever {@link WeChatEndpoint} is
 * wired. The one bean serves as the {@code ForExchangingLoginCodes} port and, for the readiness probe,
 * reports its circuit breaker; Spring closes its HTTP client on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class WeChatConfiguration {
    @Bean
    WeChatApiLoginCodeAdapter exchangingLoginCodes(WeChatEndpoint endpoint) {
        return new WeChatApiLoginCodeAdapter(WeChatApiSettings.of(endpoint.baseUrl(), endpoint.miniPrograms()));
    }

    /** The {@code ForFetchingAccessTokens} port: only the access_token service uses it. */
    @Bean
    WeChatApiAccessTokenAdapter fetchingAccessTokens(WeChatEndpoint endpoint, Settings settings) {
        return new WeChatApiAccessTokenAdapter(WeChatApiSettings.of(endpoint.baseUrl(), endpoint.miniPrograms()),
                settings.wechat().accessTokenApi());
    }

    @Bean
    ForDecryptingOpenData decryptingOpenData() {
        return new JceOpenDataDecryptionAdapter();
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.WeChatApiAccessTokenAdapter;
import dev.wxlogin.adapters.wechat.JceOpenDataDecryptionAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiLoginCodeAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiPhoneNumberAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSessionKeyAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.port.out.ForDecryptingOpenData;
import dev.wxlogin.domain.port.out.ForLookingUpPhoneNumbers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The WeChat API clients, pointed at WeChat or at the sandbox by whichever {@link WeChatEndpoint} is
 * wired. The code2Session bean serves as the {@code ForExchangingLoginCodes} port and, for the readiness probe,
 * reports its circuit breaker; Spring closes their HTTP clients on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class WeChatConfiguration {
    @Bean
    WeChatApiLoginCodeAdapter exchangingLoginCodes(WeChatEndpoint endpoint) {
        return new WeChatApiLoginCodeAdapter(settings(endpoint));
    }

    @Bean(destroyMethod = "close")
    ForLookingUpPhoneNumbers lookingUpPhoneNumbers(WeChatEndpoint endpoint) {
        return new WeChatApiPhoneNumberAdapter(settings(endpoint));
    }

    @Bean(destroyMethod = "close")
    ForCheckingSessionKeys checkingSessionKeys(WeChatEndpoint endpoint) {
        return new WeChatApiSessionKeyAdapter(settings(endpoint));
    }

    private static WeChatApiSettings settings(WeChatEndpoint endpoint) {
        return WeChatApiSettings.of(endpoint.baseUrl(), endpoint.miniPrograms());
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

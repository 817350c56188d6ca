package dev.wxlogin.bootstrap;

import dev.wxlogin.application.AccessTokenService;
import dev.wxlogin.application.AccessTokenTiming;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.port.in.ForRefreshingAccessTokens;
import dev.wxlogin.domain.port.out.ForFetchingAccessTokens;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The central access_token service and the job that refreshes its tokens ahead of expiry, on every instance (only
 * the holder of an AppID's lease calls WeChat). The one service object is both the {@code ForGettingAccessTokens}
 * port (for the internal API and the WeChat APIs that need a token) and the {@code ForRefreshingAccessTokens} port
 * (for the job), so the bean is declared as the service: two port-typed beans would be two services, each with its
 * own instance id and in-process lock.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenConfiguration {
    @Bean
    AccessTokenService accessTokenService(ForFetchingAccessTokens wechat, ForStoringAccessTokens store,
                                          WeChatEndpoint endpoint, Clock clock) {
        return new AccessTokenService(wechat, store, endpoint.miniPrograms().stream().map(MiniProgram::appId).toList(),
                clock, AccessTokenTiming.DEFAULT);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    AccessTokenRefreshJob accessTokenRefreshJob(ForRefreshingAccessTokens refreshing, Clock clock) {
        return new AccessTokenRefreshJob(refreshing, clock);
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.rest.InternalApi;
import dev.wxlogin.domain.port.in.ForDisablingUsers;
import dev.wxlogin.domain.port.in.ForEndingUsersSessions;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The internal API, registered only when WXLOGIN_INTERNAL_API_KEYS is set. Like {@link RestConfiguration}'s
 * listener it depends on the use cases and so on the database, which Spring therefore closes after it: on
 * shutdown both listeners stop taking requests and let those in flight finish while the database is still open.
 */
@Configuration(proxyBeanMethods = false)
class InternalApiConfiguration {
    @Bean(initMethod = "start", destroyMethod = "stop")
    InternalApi internalApi(ForGettingAccessTokens tokens, ForDisablingUsers disabling,
                            ForEndingUsersSessions endingSessions, ForResettingSessionKeys resettingKeys,
                            Settings settings) {
        return new InternalApi(tokens, disabling, endingSessions, resettingKeys, settings.internal().orElseThrow(),
                settings.rest());
    }
}

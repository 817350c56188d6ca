package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * STAND-INS, TO BE DELETED AT THE MERGE: the driving ports whose services are being written on other branches (the
 * access_token service, the session_key reset), so that the internal API can be wired and served meanwhile. Each
 * answers 503 {@code upstream_unavailable}, as a service without WeChat would.
 */
@Configuration(proxyBeanMethods = false)
class PendingPorts {
    @Bean
    ForGettingAccessTokens gettingAccessTokens() {
        return new ForGettingAccessTokens() {
            @Override
            public AccessTokenGrant current(AppId app) {
                throw pending();
            }

            @Override
            public AccessTokenGrant replaceRejected(AppId app, AccessToken rejected) {
                throw pending();
            }
        };
    }

    @Bean
    ForResettingSessionKeys resettingSessionKeys() {
        return user -> {
            throw pending();
        };
    }

    private static UpstreamFailure pending() {
        return new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "not implemented on this branch yet", null);
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.user.OpenId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Proxy;
import java.util.function.Function;

/**
 * INTERIM, until the access_token service and the checksession adapter (written alongside) are merged; delete this
 * class then, and their beans take its place. Open data needs {@link ForCheckingSessionKeys} through the
 * access_token: here the sandbox answers the check in-process, as its {@code /wxa/checksession} will over HTTP, and
 * the access_token is a placeholder nobody verifies. With real WeChat the check is not available yet, so a refused
 * piece of open data is answered 503 {@code upstream_unavailable}. Proxies, not classes: no port implementation
 * outside an adapter or a service, not even a temporary one.
 */
@Configuration(proxyBeanMethods = false)
class InterimSessionKeyCheckConfiguration {
    @Bean
    ForCheckingSessionKeys interimSessionKeyChecks(ObjectProvider<WeChatSandbox> sandbox) {
        return port(ForCheckingSessionKeys.class, args -> {
            WeChatSandbox fake = sandbox.getIfAvailable();
            if (fake == null) {
                throw new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "checksession is not wired yet", null);
            }
            return fake.isCurrentSessionKey(((OpenId) args[2]).value(), ((SessionKey) args[3]).value());
        });
    }

    /** Every method of the port but {@code Object}'s answers {@code answer} (reset is never called by open data). */
    private static <T> T port(Class<T> type, Function<Object[], Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "toString" -> "interim " + type.getSimpleName();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> answer.apply(args);
                }));
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.reflect.Proxy;

/**
 * STAND-INS, TO BE DELETED AT THE MERGE: the driving ports whose services are being written on other branches (the
 * access_token service, the session_key reset), so that the internal API can be wired and served meanwhile. Each
 * call answers 503 {@code upstream_unavailable}, as a service without WeChat would.
 */
@Configuration(proxyBeanMethods = false)
class PendingPorts {
    @Bean
    ForResettingSessionKeys resettingSessionKeys() {
        return pending(ForResettingSessionKeys.class);
    }

    // A proxy rather than a class: only application services may implement a use case (ArchitectureTest).
    private static <T> T pending(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "pending " + port.getSimpleName();
                };
            }
            throw new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "not implemented on this branch yet", null);
        }));
    }
}

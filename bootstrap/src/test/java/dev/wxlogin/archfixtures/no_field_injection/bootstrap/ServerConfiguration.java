package dev.wxlogin.archfixtures.no_field_injection.bootstrap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

/** VIOLATION of noFieldInjection: a configuration value injected into a field. */
@Configuration(proxyBeanMethods = false)
public class ServerConfiguration {
    @Value("${port:8080}")
    private int port;

    public int port() {
        return port;
    }
}

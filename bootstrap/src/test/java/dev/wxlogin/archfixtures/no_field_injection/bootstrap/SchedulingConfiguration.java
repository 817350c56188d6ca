package dev.wxlogin.archfixtures.no_field_injection.bootstrap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** VIOLATION of noFieldInjection: a dependency injected into a field (it should be a @Bean method parameter). */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {
    @Autowired
    private Runnable sessionCleanup;

    public void run() {
        sessionCleanup.run();
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.port.in.ForCleaningUpSessions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The periodic cleanup of expired rows. */
@Configuration(proxyBeanMethods = false)
class CleanupConfiguration {
    @Bean(initMethod = "start", destroyMethod = "close")
    SessionCleanupJob sessionCleanupJob(ForCleaningUpSessions cleanup, Settings settings) {
        return new SessionCleanupJob(cleanup, settings.cleanup().interval(), settings.cleanup().batchSize());
    }
}

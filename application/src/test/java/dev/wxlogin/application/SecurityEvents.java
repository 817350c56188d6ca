package dev.wxlogin.application;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The audit trail: what the services logged to {@code wxlogin.security} while open, as "LEVEL message" lines.
 * The services log through {@link System.Logger}, which the test classpath routes to SLF4J, as the server does.
 */
final class SecurityEvents implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger("wxlogin.security");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    SecurityEvents() {
        appender.start();
        logger.addAppender(appender);
    }

    List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
        }
    }

    /** Forgets what was logged so far, so that a test sees only the events of the step it is about. */
    void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}

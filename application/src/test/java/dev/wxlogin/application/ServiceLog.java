package dev.wxlogin.application;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** What a service logged through its own logger while open, as "LEVEL message" lines. */
final class ServiceLog implements AutoCloseable {
    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    ServiceLog(Class<?> service) {
        logger = (Logger) LoggerFactory.getLogger(service.getName());
        appender.start();
        logger.addAppender(appender);
    }

    List<String> lines() {
        synchronized (appender) {
            return appender.list.stream().map(event -> event.getLevel() + " " + event.getFormattedMessage()).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}

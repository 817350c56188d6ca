package dev.wxlogin.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * WXLOGIN_LOG_LEVEL for wxlogin's own loggers, from the settings (environment or properties file alike).
 * Libraries keep the levels logback.xml gives them: Jetty's and the JDK HTTP server's DEBUG output would
 * show credentials.
 */
final class LogLevels {
    private LogLevels() {}

    static void apply(String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Level parsed = Level.toLevel(level);
            context.getLogger("dev.wxlogin").setLevel(parsed);
            context.getLogger("wxlogin").setLevel(parsed);
        }
    }
}

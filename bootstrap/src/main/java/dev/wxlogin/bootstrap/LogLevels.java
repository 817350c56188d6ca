package dev.wxlogin.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;

/**
 * WXLOGIN_LOG_LEVEL for wxlogin's own loggers, from the settings (environment or properties file alike).
 * Libraries keep the levels {@link ShippedLogging} gives them: Jetty's and the JDK HTTP server's DEBUG output would
 * show credentials.
 */
final class LogLevels {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private LogLevels() {}

    static String from(ConfigurationSource config) {
        String level = config.text("WXLOGIN_LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new InvalidConfiguration("WXLOGIN_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR");
        }
        return level;
    }

    static void apply(String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Level parsed = Level.toLevel(level);
            context.getLogger("dev.wxlogin").setLevel(parsed);
            context.getLogger("wxlogin").setLevel(parsed);
        }
    }
}

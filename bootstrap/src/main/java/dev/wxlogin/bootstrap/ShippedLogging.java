package dev.wxlogin.bootstrap;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

import java.util.Map;

/**
 * The logging the server ships with: one line per event on stdout, wxlogin's loggers and the root at INFO
 * (wxlogin's then get WXLOGIN_LOG_LEVEL from the settings, see {@link LogLevels}), the libraries at the levels below.
 * Logback finds it as a service ({@code META-INF/services}) before it would look for a {@code logback.xml}: made in
 * code it spares the start-up logback's XML reader, about 10 ms of the main thread. A configuration file named with
 * {@code -Dlogback.configurationFile} (the tests', or an operator's) still wins.
 */
public final class ShippedLogging extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %msg%n";
    /**
     * Never below INFO: Jetty's parser logs raw headers (Authorization) at DEBUG, and the JDK's HTTP server under the
     * sandbox logs request lines (with secret= and js_code=).
     */
    static final Map<String, Level> LIBRARY_LEVELS = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "com.sun.net.httpserver", Level.INFO,
            "io.javalin", Level.WARN,
            "org.flywaydb", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.springframework", Level.WARN);

    public ShippedLogging() {
        // for the ServiceLoader
    }

    @Override
    public ExecutionStatus configure(LoggerContext logging) {
        if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        applyTo(logging);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static void applyTo(LoggerContext logging) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(logging);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stdout = new ConsoleAppender<>();
        stdout.setContext(logging);
        stdout.setName("STDOUT");
        stdout.setEncoder(encoder);
        stdout.start();
        LIBRARY_LEVELS.forEach((library, level) -> logging.getLogger(library).setLevel(level));
        Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(stdout);
    }
}

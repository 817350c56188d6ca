package dev.wxlogin.domain.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Shows a failing test what was logged while it ran. Tests log to a file, not to the console (the build selects
 * {@code test-logback.xml}, next to this class, for every module); when a test fails, the last lines logged since
 * its test class started are attached to the failure as a suppressed {@link LogTail}, so the console, the surefire
 * reports and the IDE all show what the servers the test started were doing.
 *
 * <p>Registered for every test class by JUnit's extension auto-detection ({@code META-INF/services} here, switched
 * on by the surefire configuration of the parent pom). The log file is named by the configuration parameter (or
 * system property) {@value #LOG_FILE}; without it, or when nothing was logged, a failure is left as it is.
 */
public final class TestLogOnFailure
        implements BeforeAllCallback, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {
    /** The configuration parameter, or system property, that names the test log file. */
    public static final String LOG_FILE = "wxlogin.test.log";
    /** How many of the latest lines a failure carries; the file has them all. */
    public static final int TAIL_LINES = 40;

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestLogOnFailure.class);
    private static final String CLASS_START = "offset of the log when the test class started";
    private static final Instant JVM_START = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    @Override
    public void beforeAll(ExtensionContext context) {
        logFile(context).ifPresent(file -> context.getStore(NAMESPACE).put(CLASS_START, currentEnd(file)));
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(context, failure);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(context, failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(context, failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(context, failure);
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(context, failure);
    }

    private static Throwable withLogTail(ExtensionContext context, Throwable failure) {
        if (!(failure instanceof TestAbortedException)) {
            long classStart = Optional.ofNullable(context.getStore(NAMESPACE).get(CLASS_START, Long.class)).orElse(0L);
            String testClass = context.getTestClass().map(Class::getSimpleName).orElse(context.getDisplayName());
            logFile(context).flatMap(file -> LogTail.of(file, classStart, testClass)).ifPresent(failure::addSuppressed);
        }
        return failure;
    }

    private static Optional<Path> logFile(ExtensionContext context) {
        return context.getConfigurationParameter(LOG_FILE).filter(name -> !name.isBlank()).map(Path::of);
    }

    /** Where the next line will be written; 0 while the file is absent or left over from a run before this JVM. */
    private static long currentEnd(Path file) {
        try {
            return writtenByThisRun(file) ? Files.size(file) : 0;
        } catch (IOException absent) {
            return 0;
        }
    }

    private static boolean writtenByThisRun(Path file) throws IOException {
        return !Files.getLastModifiedTime(file).toInstant().isBefore(JVM_START);
    }

    /** The latest lines of the test log, carried by a failure; a report, not an error, so it has no stack trace. */
    public static final class LogTail extends Throwable {
        private LogTail(String message) {
            super(message, null, false, false);
        }

        static Optional<LogTail> of(Path file, long classStart, String testClass) {
            byte[] log;
            try {
                if (!writtenByThisRun(file)) {
                    return Optional.empty(); // an earlier run's log explains nothing about this failure
                }
                log = Files.readAllBytes(file);
            } catch (IOException unreadable) {
                return Optional.empty(); // the log helps to explain a failure; it never decides one
            }
            int start = (int) Math.min(classStart, log.length);
            List<String> lines = new String(log, start, log.length - start, StandardCharsets.UTF_8).lines().toList();
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            List<String> shown = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
            long firstShown = linesBefore(log, start) + lines.size() - shown.size() + 1;
            return Optional.of(new LogTail(String.format("the last %d of %d lines logged since %s started (lines %d-%d of %s):%n%s",
                    shown.size(), lines.size(), testClass, firstShown, firstShown + shown.size() - 1, file,
                    shown.stream().map(line -> "\t\t" + line).collect(Collectors.joining(System.lineSeparator())))));
        }

        private static long linesBefore(byte[] log, int end) {
            long count = 0;
            for (int i = 0; i < end; i++) {
                if (log[i] == '\n') {
                    count++;
                }
            }
            return count;
        }
    }
}

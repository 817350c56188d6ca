package dev.wxlogin.adapters.rest;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import dev.wxlogin.domain.testing.TestLogOnFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Tests are quiet: they log to {@code target/test-logs/tests.log}, never to the console. A failing test still shows
 * what the server it started logged: the fixtures below fail on purpose and are run here through the JUnit Platform,
 * with the build's own configuration, so that what their failures report can be checked.
 */
class TestLogOnFailureTest {
    private static final String RUN_DELIBERATE_FAILURES = "wxlogin.test.deliberate-failures";

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();

    @BeforeEach
    void noStaleLineFromAnEarlierClassMayShowUp() {
        LoggerFactory.getLogger(TestLogOnFailureTest.class).info("logged before the fixture started");
    }

    @Test
    void nothingIsLoggedToTheConsoleAndEverythingToTheTestLog() {
        List<Appender<?>> appenders = new ArrayList<>();
        for (Logger logger : logging.getLoggerList()) {
            for (Iterator<? extends Appender<?>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                appenders.add(it.next());
            }
        }
        assertThat(appenders).as("appenders of the test logging").isNotEmpty()
                .noneMatch(appender -> appender instanceof ConsoleAppender)
                .allSatisfy(appender -> assertThat(appender).isInstanceOfSatisfying(FileAppender.class,
                        file -> assertThat(Path.of(file.getFile())).isEqualTo(testLog())));
    }

    @Test
    void aFailingTestCarriesTheLatestLinesOfTheServerItStarted() {
        Throwable failure = theOnlyFailureOf(FailsAfterAHealthCheck.class);

        assertThat(failure).hasMessageContaining("deliberately wrong");
        assertThat(failure.getSuppressed()).singleElement().isInstanceOfSatisfying(TestLogOnFailure.LogTail.class,
                tail -> assertThat(tail.getMessage())
                        .contains("since FailsAfterAHealthCheck started")
                        .contains(testLog().toString())
                        .contains("dev.wxlogin.adapters.rest.access - GET /health 200")
                        .doesNotContain("logged before the fixture started"));
    }

    @Test
    void aFailureInALifecycleMethodCarriesTheLogToo() {
        Throwable failure = theOnlyFailureOf(FailsInBeforeEach.class);

        assertThat(failure).hasMessageContaining("deliberately broken set-up");
        assertThat(failure.getSuppressed()).singleElement().isInstanceOfSatisfying(TestLogOnFailure.LogTail.class,
                tail -> assertThat(tail.getMessage()).contains("GET /ready 200"));
    }

    @Test
    void aFailureCarriesOnlyTheLatestLinesAndSaysWhereTheOthersAre() {
        Throwable failure = theOnlyFailureOf(FailsAfterManyRequests.class);

        String tail = failure.getSuppressed()[0].getMessage();
        assertThat(tail.lines().filter(line -> line.startsWith("\t\t"))).as("log lines in the failure")
                .hasSize(TestLogOnFailure.TAIL_LINES)
                .allSatisfy(line -> assertThat(line).contains("GET /health 200"));
        assertThat(tail).containsPattern("the last " + TestLogOnFailure.TAIL_LINES + " of \\d+ lines logged since "
                + "FailsAfterManyRequests started \\(lines \\d+-\\d+ of " + testLog() + "\\)");
    }

    @Test
    void aFailureWithNothingLoggedIsLeftAsItIs() {
        Throwable failure = theOnlyFailureOf(FailsWithoutLogging.class);

        assertThat(failure).hasMessageContaining("deliberately wrong");
        assertThat(failure.getSuppressed()).isEmpty();
    }

    @Test
    void aLogLeftOverFromAnEarlierRunIsNotShown(@TempDir Path temp) throws IOException {
        Path earlierRun = Files.writeString(temp.resolve("tests.log"), "10:00:00.000 INFO  [main] x - from yesterday\n");
        Files.setLastModifiedTime(earlierRun, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        Throwable failure = theOnlyFailureOf(FailsWithoutLogging.class, Map.of(TestLogOnFailure.LOG_FILE, earlierRun.toString()));

        assertThat(failure.getSuppressed()).isEmpty();
    }

    // --- the deliberately failing tests, run only from here ------------------------------------------------

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @EnabledIf("dev.wxlogin.adapters.rest.TestLogOnFailureTest#runDeliberately")
    @interface DeliberatelyFailing {
    }

    static boolean runDeliberately(ExtensionContext context) {
        return context.getConfigurationParameter(RUN_DELIBERATE_FAILURES).isPresent();
    }

    @DeliberatelyFailing
    static class FailsAfterAHealthCheck {
        @Test
        void fails() {
            try (TestServer server = TestServer.start()) {
                assertThat(server.get("/health").statusCode()).as("deliberately wrong").isEqualTo(500);
            }
        }
    }

    @DeliberatelyFailing
    static class FailsInBeforeEach {
        @BeforeEach
        void setUp() {
            try (TestServer server = TestServer.start()) {
                server.get("/ready");
            }
            throw new IllegalStateException("deliberately broken set-up");
        }

        @Test
        void neverRuns() {
        }
    }

    @DeliberatelyFailing
    static class FailsAfterManyRequests {
        @Test
        void fails() {
            try (TestServer server = TestServer.start()) {
                for (int i = 0; i < TestLogOnFailure.TAIL_LINES + 5; i++) {
                    server.get("/health");
                }
            }
            assertThat(UUID.randomUUID()).as("deliberately wrong").isNull();
        }
    }

    @DeliberatelyFailing
    static class FailsWithoutLogging {
        @Test
        void fails() {
            assertThat(1 + 1).as("deliberately wrong").isEqualTo(3);
        }
    }

    // --- plumbing -----------------------------------------------------------------------------------------

    /** Runs a fixture as the build runs every test class: its configuration applies, the extension is found alone. */
    private static Throwable theOnlyFailureOf(Class<?> fixture) {
        return theOnlyFailureOf(fixture, Map.of());
    }

    private static Throwable theOnlyFailureOf(Class<?> fixture, Map<String, String> configuration) {
        List<Throwable> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameter(RUN_DELIBERATE_FAILURES, "true")
                .configurationParameters(configuration)
                .enableImplicitConfigurationParameters(true)
                .execute()
                .testEvents().failed().stream()
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow())
                .toList();
        assertThat(failures).as("failures of %s", fixture.getSimpleName()).hasSize(1);
        return failures.getFirst();
    }

    private static Path testLog() {
        return Path.of(System.getProperty(TestLogOnFailure.LOG_FILE));
    }
}

package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.port.in.ForCleaningUpSessions;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SessionCleanupJob#runOnce()} over the real storage: expired rows go in bounded batches, live and
 * recently ended sessions stay. The server's own schedule is set to an hour so that only the test cleans up.
 */
class SessionCleanupJobTest {
    private static final int BATCH = 2;

    @TempDir
    static java.nio.file.Path data;
    private static TestServer server;
    private static String token;
    private static UserId user;
    private static AppId app;

    private final AtomicInteger batches = new AtomicInteger();
    private SessionCleanupJob job;

    @BeforeAll
    static void start() {
        server = TestServer.start(data, Map.of(
                "WXLOGIN_CLEANUP_BATCH", Integer.toString(BATCH), "WXLOGIN_CLEANUP_INTERVAL", "PT1H"));
        JsonNode login = read(server.login(server.wxLogin("alice")).body());
        token = login.get("token").asText();
        user = new UserId(login.get("user").get("id").asText());
        app = server.sandbox().miniPrograms().getFirst().appId();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The job over the server's own cleanup use case, counting the batches it asks for. */
    @BeforeEach
    void job() {
        ForCleaningUpSessions cleanup = server.component(ForCleaningUpSessions.class);
        job = new SessionCleanupJob(() -> {
            batches.incrementAndGet();
            return cleanup.removeExpiredBatch();
        }, Duration.ofHours(1), BATCH);
        job.runOnce(); // start from a clean table
        batches.set(0);
    }

    @AfterEach
    void closeJob() {
        job.close();
    }

    @Test
    void expiredSessionsGoInBatchesAndTheRunSaysHowMany() {
        List<SessionToken> expired = insertExpiredSessions(5);

        assertThat(job.runOnce()).isEqualTo(5);
        assertThat(batches).as("2 + 2 + 1, the short batch ends the run").hasValue(3);
        ForStoringSessions sessions = server.component(ForStoringSessions.class);
        expired.forEach(t -> assertThat(sessions.findByTokenHash(t.hash())).isEmpty());
        assertThat(server.get("/api/v1/me", token).statusCode()).as("a live session stays").isEqualTo(200);
        assertThat(job.runOnce()).isZero();
    }

    @Test
    void oneRunIsBoundedSoABigBacklogTakesSeveralRuns() {
        insertExpiredSessions(SessionCleanupJob.MAX_BATCHES_PER_RUN * BATCH + 1);

        assertThat(job.runOnce()).isEqualTo(SessionCleanupJob.MAX_BATCHES_PER_RUN * BATCH);
        assertThat(batches).hasValue(SessionCleanupJob.MAX_BATCHES_PER_RUN);
        assertThat(job.runOnce()).isEqualTo(1);
    }

    @Test
    void aLoggedOutSessionStaysUntilItWouldHaveIdledOutSoItsClientLearnsWhy() {
        String other = server.tokenFor("bob");
        assertThat(server.post("/api/v1/logout", other).statusCode()).isEqualTo(204);

        assertThat(job.runOnce()).isZero();

        assertThat(problemCode(server.get("/api/v1/me", other))).isEqualTo("session_revoked");
    }

    @Test
    void expiredCodeClaimsGoToo() {
        ForRememberingExchangedCodes codes = server.component(ForRememberingExchangedCodes.class);
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        IntStream.range(0, 3).forEach(i -> assertThat(
                codes.claim(app, new LoginCode("old-code-" + i), longAgo, longAgo.plus(Duration.ofMinutes(5)))).isTrue());

        assertThat(job.runOnce()).isEqualTo(3);
    }

    /** Sessions of alice that started 8 days ago, past both timeouts. */
    private static List<SessionToken> insertExpiredSessions(int count) {
        ForStoringSessions sessions = server.component(ForStoringSessions.class);
        SessionPolicy policy = server.component(SessionPolicy.class);
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
        List<SessionToken> tokens = IntStream.range(0, count).mapToObj(i -> SessionToken.generate()).toList();
        User alice = server.component(ForStoringUsers.class).findById(user).orElseThrow();
        tokens.forEach(t -> sessions.insert(Session.start(t.hash(), alice, app, ClientInfo.unknown(), eightDaysAgo, policy)));
        return tokens;
    }
}

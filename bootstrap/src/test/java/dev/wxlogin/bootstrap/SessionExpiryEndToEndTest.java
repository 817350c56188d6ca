package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle and absolute timeouts on the real clock (security.md L1, L2), with a 2 s idle timeout and a 4 s
 * lifetime. The touch interval follows the idle timeout (a tenth of it, here 0.2 s), so a session used every
 * half second slides; with a fixed one-minute throttle it would idle out at 2 s however busy it was.
 */
class SessionExpiryEndToEndTest {
    private static final Duration IDLE = Duration.ofSeconds(3); // a stall of up to 2.5 s between uses is tolerated
    private static final Duration MAX = Duration.ofSeconds(6);
    private static final Duration USE_EVERY = Duration.ofMillis(500);

    @TempDir
    Path data;

    @Test
    void aSessionInUseSlidesPastTheIdleTimeoutUntilItsLifetimeEndsWhileAnUnusedOneIdlesOut() throws Exception {
        // Expiry is judged on read: the cleanup job (every minute) cannot have run yet.
        try (TestServer server = TestServer.start(data, Map.of(
                "WXLOGIN_SESSION_IDLE", IDLE.toString(), "WXLOGIN_SESSION_MAX", MAX.toString()))) {
            // the unused one first: the clock starts at the used one's login, whatever the other login took
            String unused = server.tokenFor("alice");
            HttpResponse<String> login = server.login(server.wxLogin("alice"));
            long loggedIn = System.nanoTime();
            String used = read(login.body()).get("token").asText();
            assertThat(read(login.body()).get("expiresIn").asLong()).isEqualTo(IDLE.toSeconds());
            JsonNode session = read(server.get("/api/v1/me", used).body()).get("session");
            assertThat(Duration.between(Instant.parse(session.get("createdAt").asText()),
                    Instant.parse(session.get("expiresAt").asText()))).isEqualTo(MAX);

            record Use(String token, Duration sinceLogin, int status, String code) {}
            List<Use> uses = new ArrayList<>();
            Use last;
            do {
                Thread.sleep(USE_EVERY);
                Duration since = Duration.ofNanos(System.nanoTime() - loggedIn);
                if (since.compareTo(IDLE.plus(USE_EVERY)) > 0 && uses.stream().noneMatch(u -> u.token().equals(unused))) {
                    HttpResponse<String> me = server.get("/api/v1/me", unused);
                    uses.add(new Use(unused, since, me.statusCode(), problemCode(me)));
                }
                HttpResponse<String> me = server.get("/api/v1/me", used);
                last = new Use(used, since, me.statusCode(), me.statusCode() == 200 ? "" : problemCode(me));
                uses.add(last);
            } while (last.status() == 200 && last.sinceLogin().compareTo(MAX.plusSeconds(5)) < 0);

            assertThat(uses).as("idle: the unused token, checked once after the idle timeout")
                    .filteredOn(u -> u.token().equals(unused)).singleElement()
                    .satisfies(u -> assertThat(u.code()).isEqualTo("session_expired"));
            assertThat(uses).as("sliding: the used token, still accepted after the idle timeout")
                    .filteredOn(u -> u.token().equals(used))
                    .anySatisfy(u -> {
                        assertThat(u.sinceLogin()).isGreaterThan(IDLE.plus(USE_EVERY));
                        assertThat(u.status()).isEqualTo(200);
                    });
            assertThat(last.code()).isEqualTo("session_expired");
            assertThat(uses).as("absolute: never accepted at or after its lifetime, however busy")
                    .filteredOn(u -> u.sinceLogin().compareTo(MAX) >= 0)
                    .allSatisfy(u -> assertThat(u.status()).isEqualTo(401));
        }
    }
}

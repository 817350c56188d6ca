package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** W10: logins are limited per client IP and in all, before the body is read and before any port is called. */
class RateLimitTest {
    private static final String LOGIN = "/api/v1/login";
    private static final String CODE = "{\"code\":\"abc\"}";

    /** The first request is refused for its body, the second for the limit, before its body is even read. */
    @Test
    void overThePerIpLimitIs429RateLimitedWithRetryAfterAndNoLoginAttempt() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 0))) {
            assertProblem(server.postJson(LOGIN, "{}"), 400, "bad_request");

            HttpResponse<String> refused = server.postJson(LOGIN, "not even JSON");

            assertProblem(refused, 429, "rate_limited");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
            verifyNoInteractions(server.loggingIn);
        }
    }

    @Test
    void theDefaultsLet60LoginsAMinuteThroughThenOneASecond() {
        try (TestServer server = TestServer.start()) {
            succeedLogins(server);
            for (int i = 0; i < 60; i++) {
                assertThat(server.postJson(LOGIN, CODE).statusCode()).isEqualTo(200);
            }

            HttpResponse<String> refused = server.postJson(LOGIN, CODE);

            assertProblem(refused, 429, "rate_limited");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            verify(server.loggingIn, times(60)).logIn(any());
        }
    }

    @Test
    void theBucketRefillsAsTimePasses() {
        try (TestServer server = TestServer.limiting(new RateLimits(2, 0))) {
            succeedLogins(server);
            server.postJson(LOGIN, CODE);
            server.postJson(LOGIN, CODE);
            assertThat(server.postJson(LOGIN, CODE).headers().firstValue("Retry-After")).hasValue("30");

            server.time.advance(Duration.ofSeconds(29));
            HttpResponse<String> stillRefused = server.postJson(LOGIN, CODE);
            server.time.advance(Duration.ofSeconds(1));
            HttpResponse<String> refilled = server.postJson(LOGIN, CODE);

            assertProblem(stillRefused, 429, "rate_limited");
            assertThat(stillRefused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refilled.statusCode()).isEqualTo(200);
            verify(server.loggingIn, times(3)).logIn(any());
        }
    }

    @Test
    void anotherClientBehindOurProxyIsUnaffected() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 0), "127.0.0.1")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "198.51.100.1"), 429, "rate_limited");
            assertThat(loginFrom(server, "198.51.100.2").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void forwardedForFromAnUntrustedPeerDoesNotEvadeTheLimit() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 0), "10.0.0.2")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "198.51.100.2"), 429, "rate_limited");
        }
    }

    @Test
    void hopsTheClientWroteBeforeOurProxyDoNotEvadeTheLimit() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 0), "127.0.0.1")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "6.6.6.6, 198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "7.7.7.7, 198.51.100.1"), 429, "rate_limited");
        }
    }

    @Test
    void theGlobalLimitCountsAllClientsTogether() {
        try (TestServer server = TestServer.limiting(new RateLimits(0, 2), "127.0.0.1")) {
            succeedLogins(server);
            loginFrom(server, "198.51.100.1");
            loginFrom(server, "198.51.100.2");

            HttpResponse<String> refused = loginFrom(server, "198.51.100.3");

            assertProblem(refused, 429, "rate_limited");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            verify(server.loggingIn, times(2)).logIn(any());
            server.time.advance(Duration.ofMillis(500));
            assertThat(loginFrom(server, "198.51.100.3").statusCode()).isEqualTo(200);
        }
    }

    /** Refused for everyone's load, a client keeps its own budget for when the load passes. */
    @Test
    void aGlobalRefusalCostsTheClientNothing() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 1), "127.0.0.1")) {
            succeedLogins(server);
            assertThat(loginFrom(server, "198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "198.51.100.2"), 429, "rate_limited");

            server.time.advance(Duration.ofSeconds(1));

            assertThat(loginFrom(server, "198.51.100.2").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void zeroTurnsTheLimitsOff() {
        try (TestServer server = TestServer.limiting(new RateLimits(0, 0))) {
            succeedLogins(server);
            for (int i = 0; i < 100; i++) {
                assertThat(server.postJson(LOGIN, CODE).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void sandboxCodesAreLimitedToo() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 0))) {
            assertProblem(server.postJson("/sandbox/code", "not JSON"), 400, "bad_request");

            assertProblem(server.postJson("/sandbox/code", "{\"user\":\"alice\"}"), 429, "rate_limited");
            verifyNoInteractions(server.sandbox);
        }
    }

    @Test
    void sandboxCodesAndLoginsShareTheBudget() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 0))) {
            when(server.sandbox.handle(any())).thenReturn(Map.of("code", "sbx_code_1"));
            assertThat(server.postJson("/sandbox/code", "{\"user\":\"alice\"}").statusCode()).isEqualTo(200);

            assertProblem(server.postJson(LOGIN, CODE), 429, "rate_limited");
        }
    }

    @Test
    void otherRoutesAreNotLimited() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 1))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/health").statusCode()).isEqualTo(200);
                assertProblem(server.get("/api/v1/me"), 401, "unauthenticated");
            }
        }
    }

    private static void succeedLogins(TestServer server) {
        when(server.loggingIn.logIn(any()))
                .thenAnswer(call -> Fixtures.loginResult(SessionToken.generate(), false, Optional.empty()));
    }

    private static HttpResponse<String> loginFrom(TestServer server, String forwardedFor) {
        return server.postJson(LOGIN, CODE, "X-Forwarded-For", forwardedFor);
    }
}

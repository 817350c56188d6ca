package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.AuthenticationFailed;
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

/**
 * W10: logins are limited per client and in all, and every API call per client, before the body is read and
 * before any port is called.
 */
class RateLimitTest {
    private static final String LOGIN = "/api/v1/login";
    private static final String CODE = "{\"code\":\"abc\"}";

    /** The first request is refused for its body, the second for the limit, before its body is even read. */
    @Test
    void overThePerIpLimitIs429RateLimitedWithRetryAfterAndNoLoginAttempt() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0))) {
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
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(2, 0))) {
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
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0), "127.0.0.1")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "198.51.100.1"), 429, "rate_limited");
            assertThat(loginFrom(server, "198.51.100.2").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void forwardedForFromAnUntrustedPeerDoesNotEvadeTheLimit() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0), "10.0.0.2")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "198.51.100.2"), 429, "rate_limited");
        }
    }

    @Test
    void hopsTheClientWroteBeforeOurProxyDoNotEvadeTheLimit() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0), "127.0.0.1")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "6.6.6.6, 198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "7.7.7.7, 198.51.100.1"), 429, "rate_limited");
        }
    }

    @Test
    void theGlobalLimitCountsAllClientsTogether() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(0, 2), "127.0.0.1")) {
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
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 1), "127.0.0.1")) {
            succeedLogins(server);
            assertThat(loginFrom(server, "198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "198.51.100.2"), 429, "rate_limited");

            server.time.advance(Duration.ofSeconds(1));

            assertThat(loginFrom(server, "198.51.100.2").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void zeroTurnsTheLimitsOff() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(0, 0))) {
            succeedLogins(server);
            for (int i = 0; i < 100; i++) {
                assertThat(server.postJson(LOGIN, CODE).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void sandboxCodesAreLimitedToo() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0))) {
            assertProblem(server.postJson("/sandbox/code", "not JSON"), 400, "bad_request");

            assertProblem(server.postJson("/sandbox/code", "{\"user\":\"alice\"}"), 429, "rate_limited");
            verifyNoInteractions(server.sandbox);
        }
    }

    @Test
    void sandboxCodesAndLoginsShareTheBudget() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0))) {
            when(server.sandbox.handle(any())).thenReturn(Map.of("code", "sbx_code_1"));
            assertThat(server.postJson("/sandbox/code", "{\"user\":\"alice\"}").statusCode()).isEqualTo(200);

            assertProblem(server.postJson(LOGIN, CODE), 429, "rate_limited");
        }
    }

    @Test
    void otherRoutesAreNotLimitedByTheLoginLimits() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 1))) {
            for (int i = 0; i < 3; i++) {
                assertThat(server.get("/health").statusCode()).isEqualTo(200);
                assertProblem(server.get("/api/v1/me"), 401, "unauthenticated");
            }
        }
    }

    @Test
    void everyApiCallIsLimitedPerClientWithoutSayingLogins() {
        try (TestServer server = TestServer.limiting(new RateLimits(0, 0, 3, 64))) {
            String unknownToken = TestServer.bearer(SessionToken.generate().reveal());
            when(server.authenticating.authenticate(any())).thenThrow(AuthenticationFailed.unauthenticated());
            for (int i = 0; i < 3; i++) {
                assertProblem(server.get("/api/v1/me", "Authorization", unknownToken), 401, "unauthenticated");
            }

            HttpResponse<String> refused = server.get("/api/v1/me", "Authorization", unknownToken);

            JsonNode problem = assertProblem(refused, 429, "rate_limited");
            assertThat(problem.get("detail").asText()).doesNotContainIgnoringCase("login");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("20");
            verify(server.authenticating, times(3)).authenticate(any());
            assertProblem(server.post("/api/v1/logout-all"), 429, "rate_limited");
            assertProblem(server.get("/api/v1/no-such-route"), 429, "rate_limited");
            verifyNoInteractions(server.sessions);
        }
    }

    @Test
    void loginsCountAsApiCallsToo() {
        try (TestServer server = TestServer.limiting(new RateLimits(60, 0, 1, 64))) {
            succeedLogins(server);
            assertThat(server.postJson(LOGIN, CODE).statusCode()).isEqualTo(200);

            assertProblem(server.postJson(LOGIN, CODE), 429, "rate_limited");
            verify(server.loggingIn, times(1)).logIn(any());
        }
    }

    /** API calls do not use up a client's logins, so a busy signed-in client can still log in again. */
    @Test
    void apiCallsLeaveTheLoginBudgetAlone() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 1, 600, 64))) {
            succeedLogins(server);
            for (int i = 0; i < 10; i++) {
                assertProblem(server.get("/api/v1/me"), 401, "unauthenticated");
            }

            assertThat(server.postJson(LOGIN, CODE).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void healthAndReadinessAreNotLimited() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 1, 1, 64))) {
            for (int i = 0; i < 5; i++) {
                assertThat(server.get("/health").statusCode()).isEqualTo(200);
                assertThat(server.get("/ready").statusCode()).isEqualTo(200);
            }
        }
    }

    /** One IPv6 subscriber holds a whole /64: every address in it is one client. */
    @Test
    void ipv6ClientsAreCountedByTheirSlash64() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0), "127.0.0.1")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "2001:db8:1:2::1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "2001:db8:1:2:ffff:ffff:ffff:fffe"), 429, "rate_limited");
            assertProblem(loginFrom(server, "[2001:db8:1:2::3]:443"), 429, "rate_limited");
            assertThat(loginFrom(server, "2001:db8:1:3::1").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theIpv6PrefixIsConfigurable() {
        try (TestServer server = TestServer.limiting(new RateLimits(1, 0, 600, 48), "127.0.0.1")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "2001:db8:1:2::1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "2001:db8:1:ffff::1"), 429, "rate_limited");
            assertThat(loginFrom(server, "2001:db8:2::1").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anIpv4MappedAddressIsTheIpv4Client() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0), "127.0.0.1")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "198.51.100.1").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "::ffff:198.51.100.1"), 429, "rate_limited");
            assertProblem(loginFrom(server, "[::ffff:c633:6401]:8443"), 429, "rate_limited");
        }
    }

    @Test
    void aPortOnAForwardedAddressDoesNotMakeANewClient() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0), "127.0.0.1")) {
            succeedLogins(server);

            assertThat(loginFrom(server, "198.51.100.1:5678").statusCode()).isEqualTo(200);
            assertProblem(loginFrom(server, "198.51.100.1:5679"), 429, "rate_limited");
            assertProblem(loginFrom(server, "198.51.100.1"), 429, "rate_limited");
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

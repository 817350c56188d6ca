package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.wxlogin.adapters.rest.InternalTestServer.authorized;
import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The internal API through its real listener: keys, every route's answers, and what does not exist where. */
class InternalApiTest {
    private static final String TOKEN_PATH = "/internal/v1/access-token";
    private static final String REFRESH_PATH = "/internal/v1/access-token/refresh";
    private static final Instant EXPIRES = Instant.parse("2026-03-01T10:00:00Z");
    private static final AccessToken TOKEN = new AccessToken("ACCESS_TOKEN_current_0123456789");
    private static final AccessToken REJECTED = new AccessToken("ACCESS_TOKEN_rejected_9876543210");
    private static final UserId ALICE = new UserId("u_alice");

    // ---- authentication

    @Test
    void withoutAKeyEveryPathIs401WithTheSchemeToUse() {
        try (InternalTestServer server = InternalTestServer.start()) {
            for (HttpResponse<String> refused : new HttpResponse[] {server.get(TOKEN_PATH),
                    server.post("/internal/v1/users/u_alice/disable"), server.get("/internal/v1/nothing/here"),
                    server.get("/api/v1/me")}) {
                assertProblem(refused, 401, "unauthenticated");
                assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            }
            verifyNoInteractions(server.tokens, server.disabling);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong-key-wrong-key-wrong-key-wrong", "Bearer kkkkkkkkkkkkkkkk0123456789ABCDEF",
            "Bearer kkkkkkkkkkkkkkkk0123456789abcde", "Bearer ",
            "Basic a2tra2tra2tra2tra2trazAxMjM0NTY3ODlhYmNkZWY=", "kkkkkkkkkkkkkkkk0123456789abcdef"})
    void aWrongKeyOrAnotherSchemeIs401AndCallsNothing(String authorization) {
        try (InternalTestServer server = InternalTestServer.start()) {
            HttpResponse<String> refused = server.get(TOKEN_PATH, "Authorization", authorization);

            assertProblem(refused, 401, "unauthenticated");
            assertThat(refused.body()).doesNotContain(InternalTestServer.KEY);
            verifyNoInteractions(server.tokens);
        }
    }

    /** Rotation: the old and the new key work side by side until the old one is removed. */
    @Test
    void everyConfiguredKeyIsAccepted() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.tokens.current(TestServer.APP_ID)).thenReturn(grant(TOKEN));

            assertThat(server.get(TOKEN_PATH, authorized()).statusCode()).isEqualTo(200);
            assertThat(server.get(TOKEN_PATH, "Authorization", "bearer " + InternalTestServer.NEXT_KEY).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void pastTenFailuresAClientIsRefusedEvenWithTheRightKeyUntilItsBudgetRefills() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.tokens.current(TestServer.APP_ID)).thenReturn(grant(TOKEN));
            for (int i = 0; i < ApiKeyAuthentication.FAILURES_PER_MINUTE; i++) {
                assertProblem(server.get(TOKEN_PATH, "Authorization", "Bearer guess-" + i), 401, "unauthenticated");
            }

            HttpResponse<String> limited = server.get(TOKEN_PATH, authorized());
            assertProblem(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("Retry-After")).hasValue("6");
            verifyNoInteractions(server.tokens);

            server.time.advance(Duration.ofSeconds(6));
            assertThat(server.get(TOKEN_PATH, authorized()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void successesCostNothingFromTheFailureBudget() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.tokens.current(TestServer.APP_ID)).thenReturn(grant(TOKEN));
            for (int i = 0; i < 3 * ApiKeyAuthentication.FAILURES_PER_MINUTE; i++) {
                assertThat(server.get(TOKEN_PATH, authorized()).statusCode()).isEqualTo(200);
            }
            assertProblem(server.get(TOKEN_PATH), 401, "unauthenticated");
        }
    }

    // ---- what exists where

    @Test
    void thePublicRoutesDoNotExistHere() {
        try (InternalTestServer server = InternalTestServer.start()) {
            assertProblem(server.get("/api/v1/me", authorized()), 404, "not_found");
            assertProblem(server.get("/health", authorized()), 404, "not_found");
            assertProblem(server.postJson("/api/v1/login", "{\"code\":\"abc\"}", authorized()), 404, "not_found");
        }
    }

    @Test
    void theInternalRoutesDoNotExistOnThePublicPort() {
        try (TestServer server = TestServer.start()) {
            assertProblem(server.get(TOKEN_PATH, authorized()), 404, "not_found");
            assertProblem(server.get(TOKEN_PATH), 404, "not_found");
            assertProblem(server.postJson(REFRESH_PATH, "{\"rejectedToken\":\"x\"}", authorized()), 404, "not_found");
            assertProblem(server.post("/internal/v1/users/u_alice/disable", authorized()), 404, "not_found");
            assertProblem(server.post("/internal/v1/users/u_alice/enable", authorized()), 404, "not_found");
            assertProblem(server.delete("/internal/v1/users/u_alice/sessions", authorized()), 404, "not_found");
            assertProblem(server.post("/internal/v1/users/u_alice/reset-session-key", authorized()), 404, "not_found");
        }
    }

    // ---- GET /internal/v1/access-token

    @Test
    void theCurrentTokenOfTheOneAppIsServedUncacheable() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.tokens.current(TestServer.APP_ID)).thenReturn(grant(TOKEN));

            HttpResponse<String> served = server.get(TOKEN_PATH, authorized());

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(served.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode body = TestServer.json(served);
            assertThat(body.fieldNames()).toIterable().containsExactly("appId", "accessToken", "expiresAt");
            assertThat(body.get("appId").asText()).isEqualTo(TestServer.APP_ID.value());
            assertThat(body.get("accessToken").asText()).isEqualTo(TOKEN.value());
            assertThat(body.get("expiresAt").asText()).isEqualTo("2026-03-01T10:00:00Z");
        }
    }

    @Test
    void withSeveralAppsTheAppIdChoosesAndIsRequired() {
        try (InternalTestServer server = InternalTestServer.serving(TestServer.APP_ID, InternalTestServer.OTHER_APP)) {
            when(server.tokens.current(InternalTestServer.OTHER_APP))
                    .thenReturn(new AccessTokenGrant(InternalTestServer.OTHER_APP, TOKEN, EXPIRES));

            HttpResponse<String> served = server.get(TOKEN_PATH + "?appId=" + InternalTestServer.OTHER_APP, authorized());
            assertThat(TestServer.json(served).get("appId").asText()).isEqualTo(InternalTestServer.OTHER_APP.value());

            assertProblem(server.get(TOKEN_PATH, authorized()), 400, "bad_request");
            verify(server.tokens).current(InternalTestServer.OTHER_APP);
        }
    }

    @Test
    void theOneAppMayBeNamedToo() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.tokens.current(TestServer.APP_ID)).thenReturn(grant(TOKEN));

            assertThat(server.get(TOKEN_PATH + "?appId=" + TestServer.APP_ID, authorized()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anUnknownOrMalformedAppIdIs400AndAsksForNoToken() {
        try (InternalTestServer server = InternalTestServer.start()) {
            assertProblem(server.get(TOKEN_PATH + "?appId=" + InternalTestServer.OTHER_APP, authorized()), 400, "unknown_app");
            assertProblem(server.get(TOKEN_PATH + "?appId=wx%20bad", authorized()), 400, "bad_request");
            assertProblem(server.get(TOKEN_PATH + "?appId=", authorized()), 400, "bad_request");
            verifyNoInteractions(server.tokens);
        }
    }

    @Test
    void withoutALiveTokenNorWeChatIt503sWithRetryAfter() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.tokens.current(any())).thenThrow(
                    new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "WeChat unreachable", Duration.ofSeconds(7)));

            HttpResponse<String> refused = server.get(TOKEN_PATH, authorized());

            assertProblem(refused, 503, "upstream_unavailable");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("7");
        }
    }

    @Test
    void misconfiguredCredentialsAre502() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.tokens.current(any())).thenThrow(
                    new UpstreamFailure(UpstreamFailure.Kind.MISCONFIGURED, "40164", null));

            assertProblem(server.get(TOKEN_PATH, authorized()), 502, "upstream_misconfigured");
        }
    }

    // ---- POST /internal/v1/access-token/refresh

    @Test
    void aRejectedTokenIsReplacedAndTheCurrentOneServed() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.tokens.replaceRejected(TestServer.APP_ID, REJECTED)).thenReturn(grant(TOKEN));

            HttpResponse<String> served = server.postJson(REFRESH_PATH,
                    "{\"rejectedToken\":\"" + REJECTED.value() + "\"}", authorized());

            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(TestServer.json(served).get("accessToken").asText()).isEqualTo(TOKEN.value());
        }
    }

    @Test
    void theRefreshNamesItsAppInTheBody() {
        try (InternalTestServer server = InternalTestServer.serving(TestServer.APP_ID, InternalTestServer.OTHER_APP)) {
            when(server.tokens.replaceRejected(InternalTestServer.OTHER_APP, REJECTED))
                    .thenReturn(new AccessTokenGrant(InternalTestServer.OTHER_APP, TOKEN, EXPIRES));

            HttpResponse<String> served = server.postJson(REFRESH_PATH, "{\"rejectedToken\":\"" + REJECTED.value()
                    + "\",\"appId\":\"" + InternalTestServer.OTHER_APP + "\"}", authorized());

            assertThat(TestServer.json(served).get("appId").asText()).isEqualTo(InternalTestServer.OTHER_APP.value());
            assertProblem(server.postJson(REFRESH_PATH, "{\"rejectedToken\":\"" + REJECTED.value() + "\"}",
                    authorized()), 400, "bad_request");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"rejectedToken\":\"\"}", "{\"rejectedToken\":42}", "[]", "not json",
            "{\"rejectedToken\":\"t\",\"appId\":7}"})
    void aMalformedRefreshIs400AndRefreshesNothing(String body) {
        try (InternalTestServer server = InternalTestServer.start()) {
            assertProblem(server.postJson(REFRESH_PATH, body, authorized()), 400, "bad_request");
            verifyNoInteractions(server.tokens);
        }
    }

    @Test
    void aRefreshForAnUnknownAppOrWithoutJsonRefreshesNothing() {
        try (InternalTestServer server = InternalTestServer.start()) {
            assertProblem(server.postJson(REFRESH_PATH, "{\"rejectedToken\":\"t\",\"appId\":\""
                    + InternalTestServer.OTHER_APP + "\"}", authorized()), 400, "unknown_app");
            assertProblem(server.send(server.request(REFRESH_PATH).headers(authorized())
                    .POST(HttpRequest.BodyPublishers.ofString("rejectedToken=t"))), 415, "unsupported_media_type");
            assertProblem(server.postJson(REFRESH_PATH, "{\"rejectedToken\":\"" + "t".repeat(AccessToken.MAX_LENGTH + 1)
                    + "\"}", authorized()), 400, "bad_request");
            verifyNoInteractions(server.tokens);
        }
    }

    // ---- the users

    @Test
    void disablingAndEnablingAUserAnswer204() {
        try (InternalTestServer server = InternalTestServer.start()) {
            HttpResponse<String> disabled = server.post("/internal/v1/users/u_alice/disable", authorized());
            HttpResponse<String> enabled = server.post("/internal/v1/users/u_alice/enable", authorized());

            assertThat(disabled.statusCode()).isEqualTo(204);
            assertThat(enabled.statusCode()).isEqualTo(204);
            assertThat(enabled.body()).isEmpty();
            verify(server.disabling).disable(ALICE);
            verify(server.disabling).enable(ALICE);
        }
    }

    @Test
    void endingAUsersSessionsSaysHowMany() {
        try (InternalTestServer server = InternalTestServer.start()) {
            when(server.endingSessions.endAll(ALICE)).thenReturn(2);

            HttpResponse<String> ended = server.delete("/internal/v1/users/u_alice/sessions", authorized());

            assertThat(ended.statusCode()).isEqualTo(200);
            assertThat(ended.body()).isEqualTo("{\"ended\":2}");
        }
    }

    @Test
    void resettingASessionKeyAnswers204() {
        try (InternalTestServer server = InternalTestServer.start()) {
            assertThat(server.post("/internal/v1/users/u_alice/reset-session-key", authorized()).statusCode())
                    .isEqualTo(204);
            verify(server.resettingKeys).reset(ALICE);
        }
    }

    @Test
    void anUnknownUserIs404ForEveryAction() {
        try (InternalTestServer server = InternalTestServer.start()) {
            NotFound none = new NotFound("No such user");
            doThrow(none).when(server.disabling).disable(any());
            doThrow(none).when(server.disabling).enable(any());
            when(server.endingSessions.endAll(any())).thenThrow(none);
            doThrow(none).when(server.resettingKeys).reset(any());

            assertProblem(server.post("/internal/v1/users/u_nobody/disable", authorized()), 404, "not_found");
            assertProblem(server.post("/internal/v1/users/u_nobody/enable", authorized()), 404, "not_found");
            assertProblem(server.delete("/internal/v1/users/u_nobody/sessions", authorized()), 404, "not_found");
            assertProblem(server.post("/internal/v1/users/u_nobody/reset-session-key", authorized()), 404, "not_found");
        }
    }

    @Test
    void aMalformedUserIdIs400AndChangesNothing() {
        try (InternalTestServer server = InternalTestServer.start()) {
            String tooLong = "u".repeat(65);
            assertProblem(server.post("/internal/v1/users/u.alice/disable", authorized()), 400, "bad_request");
            assertProblem(server.post("/internal/v1/users/u%20alice/enable", authorized()), 400, "bad_request");
            assertProblem(server.delete("/internal/v1/users/" + tooLong + "/sessions", authorized()), 400, "bad_request");
            assertProblem(server.post("/internal/v1/users/%C3%A9/reset-session-key", authorized()), 400, "bad_request");
            verifyNoInteractions(server.disabling, server.endingSessions, server.resettingKeys);
        }
    }

    @Test
    void aWeChatOutageDuringAResetIs503() {
        try (InternalTestServer server = InternalTestServer.start()) {
            doThrow(new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "down", null))
                    .when(server.resettingKeys).reset(any());

            HttpResponse<String> refused = server.post("/internal/v1/users/u_alice/reset-session-key", authorized());

            assertProblem(refused, 503, "upstream_unavailable");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void aWrongMethodIs405() {
        try (InternalTestServer server = InternalTestServer.start()) {
            assertProblem(server.get("/internal/v1/users/u_alice/disable", authorized()), 405, "method_not_allowed");
            assertProblem(server.delete(TOKEN_PATH, authorized()), 405, "method_not_allowed");
        }
    }

    /** The same graceful stop as the public listener's: no new connections, the request in flight answered. */
    @Test
    void stoppingLetsARequestInFlightFinish() throws Exception {
        InternalTestServer server = InternalTestServer.start();
        int port = server.port();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        doAnswer(call -> {
            entered.countDown();
            release.await();
            return null;
        }).when(server.disabling).disable(ALICE);
        try (HttpClient ownConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            CompletableFuture<HttpResponse<String>> inFlight = ownConnection.sendAsync(
                    server.request("/internal/v1/users/u_alice/disable").headers(authorized())
                            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            ServerLifecycleTest.awaitRefusedConnections(port);
            release.countDown();

            assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
            stopping.get(10, TimeUnit.SECONDS);
        }
    }

    private static AccessTokenGrant grant(AccessToken token) {
        return new AccessTokenGrant(TestServer.APP_ID, token, EXPIRES);
    }
}

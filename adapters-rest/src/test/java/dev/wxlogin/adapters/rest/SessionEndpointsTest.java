package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.port.in.LiveSessions;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SessionEndpointsTest {
    private final TestServer server = TestServer.start();
    private final SessionToken token = SessionToken.generate();
    private final Authentication alice = Fixtures.authentication("s_current");
    private final String[] authorized = {"Authorization", TestServer.bearer(token.reveal())};

    @BeforeEach
    void aliceIsSignedIn() {
        when(server.authenticating.authenticate(token)).thenReturn(alice);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void meShowsTheUserAndTheCurrentSessionWithItsAbsoluteExpiry() {
        HttpResponse<String> response = server.get("/api/v1/me", authorized);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode me = TestServer.json(response);
        assertThat(me.fieldNames()).toIterable().containsExactly("id", "accountId", "username", "openid", "unionid", "appId",
                "createdAt", "nickname", "avatarUrl", "session", "phone");
        assertThat(me.get("phone").isNull()).isTrue();
        assertThat(me.get("username").isNull()).isTrue();
        assertThat(me.get("id").asText()).isEqualTo("u_alice");
        assertThat(me.get("openid").asText()).isEqualTo("o_alice_openid");
        assertThat(me.get("accountId").asText()).isEqualTo("a_alice");
        assertThat(me.get("unionid").asText()).isEqualTo("un_alice");
        assertThat(me.get("appId").asText()).isEqualTo(TestServer.APP_ID.value());
        assertThat(me.get("createdAt").asText()).isEqualTo("2025-03-01T08:00:00Z");
        JsonNode session = me.get("session");
        assertThat(session.fieldNames()).toIterable().containsExactly("id", "method", "createdAt", "expiresAt");
        assertThat(session.get("id").asText()).isEqualTo("s_current");
        assertThat(session.get("method").asText()).isEqualTo("wechat");
        assertThat(session.get("createdAt").asText()).isEqualTo("2025-03-02T09:30:00Z");
        assertThat(session.get("expiresAt").asText()).isEqualTo("2025-03-09T09:30:00Z");
    }

    @Test
    void theSessionListMarksTheCurrentSessionAndShowsNoSecret() {
        when(server.sessions.liveSessions(token))
                .thenReturn(new LiveSessions(alice.session().id(), List.of(Fixtures.session("s_older"), alice.session())));

        HttpResponse<String> response = server.get("/api/v1/sessions", authorized);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode sessions = TestServer.json(response).get("sessions");
        assertThat(sessions).hasSize(2);
        JsonNode older = sessions.get(0);
        assertThat(older.fieldNames()).toIterable().containsExactly(
                "id", "method", "createdAt", "lastSeenAt", "expiresAt", "userAgent", "clientIp", "current");
        assertThat(older.get("id").asText()).isEqualTo("s_older");
        assertThat(older.get("method").asText()).isEqualTo("wechat");
        assertThat(older.get("createdAt").asText()).isEqualTo("2025-03-02T09:30:00Z");
        assertThat(older.get("lastSeenAt").asText()).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(older.get("expiresAt").asText()).isEqualTo("2025-03-09T09:30:00Z");
        assertThat(older.get("userAgent").asText()).isEqualTo("MicroMessenger/8.0");
        assertThat(older.get("clientIp").asText()).isEqualTo("203.0.113.7");
        assertThat(older.get("current").asBoolean()).isFalse();
        assertThat(sessions.get(1).get("id").asText()).isEqualTo("s_current");
        assertThat(sessions.get(1).get("current").asBoolean()).isTrue();
        assertThat(response.body()).doesNotContain(token.reveal(), alice.session().tokenHash().value());
    }

    @Test
    void revokingASessionIs204() {
        HttpResponse<String> response = server.delete("/api/v1/sessions/s_older", authorized);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        verify(server.sessions).revoke(token, new SessionId("s_older"));
    }

    /** The account's use cases authenticate the token themselves: one request, one use-case call. */
    @Test
    void theSessionRoutesHandTheTokenToTheUseCaseWithoutAuthenticatingItFirst() {
        when(server.sessions.liveSessions(token)).thenReturn(new LiveSessions(alice.session().id(), List.of()));

        assertThat(server.get("/api/v1/sessions", authorized).statusCode()).isEqualTo(200);
        assertThat(server.delete("/api/v1/sessions/s_older", authorized).statusCode()).isEqualTo(204);
        assertThat(server.post("/api/v1/logout-all", authorized).statusCode()).isEqualTo(200);

        verify(server.sessions).liveSessions(token);
        verify(server.sessions).revoke(token, new SessionId("s_older"));
        verify(server.sessions).revokeAll(token);
        verify(server.authenticating, never()).authenticate(any());
    }

    @Test
    void revokingASessionThatIsNotTheCallersIs404() {
        doThrow(new NotFound("no such session")).when(server.sessions).revoke(eq(token), any());

        assertProblem(server.delete("/api/v1/sessions/s_someone_elses", authorized), 404, "not_found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s.bad", "s%20bad", "s%2Fbad", "%E4%BC%9A%E8%AF%9D"})
    void aSessionIdThatCannotExistIs404(String id) {
        assertProblem(server.delete("/api/v1/sessions/" + id, authorized), 404, "not_found");

        verify(server.sessions, never()).revoke(any(), any());
    }

    @Test
    void aSessionIdThatCannotExistIs401ForACallerWithoutALiveSession() {
        doThrow(new AuthenticationFailed(AuthenticationFailed.Reason.SESSION_EXPIRED)).when(server.authenticating).authenticate(token);

        assertProblem(server.delete("/api/v1/sessions/s.bad", authorized), 401, "session_expired");
        assertProblem(server.delete("/api/v1/sessions/s.bad"), 401, "unauthenticated");

        verifyNoInteractions(server.sessions);
    }

    @Test
    void revokingNeedsAuthentication() {
        assertProblem(server.delete("/api/v1/sessions/s_older"), 401, "unauthenticated");

        verifyNoInteractions(server.sessions);
    }

    @Test
    void logoutAllSaysHowManySessionsEnded() {
        when(server.sessions.revokeAll(token)).thenReturn(3);

        HttpResponse<String> response = server.post("/api/v1/logout-all", authorized);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"ended\":3}");
    }

    @Test
    void logoutEndsTheSessionOfTheToken() {
        HttpResponse<String> response = server.post("/api/v1/logout", authorized);

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        verify(server.loggingOut).logOut(token);
    }

    /** L4: repeating a logout changes nothing and reveals nothing. */
    @Test
    void logoutIsIdempotent() {
        HttpResponse<String> first = server.post("/api/v1/logout", authorized);
        HttpResponse<String> second = server.post("/api/v1/logout", authorized);

        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(second.statusCode()).isEqualTo(204);
        assertThat(second.body()).isEqualTo(first.body());
        verify(server.loggingOut, times(2)).logOut(token);
    }

    /** L4: a token we could never have issued is "logged out" too, without asking the domain. */
    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Bearer not-a-token", "bearer a b c",
            "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void logoutWithAMalformedBearerTokenIs204AndCallsNothing(String authorization) {
        HttpResponse<String> response = server.post("/api/v1/logout", "Authorization", authorization);

        assertThat(response.statusCode()).isEqualTo(204);
        verifyNoInteractions(server.loggingOut, server.authenticating, server.sessions);
    }

    @Test
    void logoutWithoutABearerTokenIs401() {
        assertProblem(server.post("/api/v1/logout"), 401, "unauthenticated");
        assertProblem(server.post("/api/v1/logout", "Authorization", "Basic dXNlcjpwYXNz"), 401, "unauthenticated");

        verifyNoInteractions(server.loggingOut);
    }

    @Test
    void aListOfSessionsNeedsALiveSession() {
        doThrow(new AuthenticationFailed(AuthenticationFailed.Reason.SESSION_REVOKED))
                .when(server.sessions).liveSessions(token);

        assertProblem(server.get("/api/v1/sessions", authorized), 401, "session_revoked");
    }
}

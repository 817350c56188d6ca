package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** B6: only a live token in the Authorization header authenticates, and every other attempt looks the same. */
class BearerAuthenticationTest {
    private static final String ME = "/api/v1/me";
    private final TestServer server = TestServer.start();
    private final SessionToken token = SessionToken.generate();
    private final Authentication alice = Fixtures.authentication("s_current");

    @BeforeEach
    void onlyTheIssuedTokenIsLive() {
        when(server.authenticating.authenticate(any())).thenAnswer(call ->
                token.equals(call.getArgument(0)) ? alice : failUnauthenticated());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theIssuedTokenAuthenticates() {
        assertThat(server.get(ME, "Authorization", TestServer.bearer(token.reveal())).statusCode()).isEqualTo(200);
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(server.get(ME, "Authorization", "bEARER " + token.reveal()).statusCode()).isEqualTo(200);
    }

    @Test
    void everyUnauthenticatedAttemptGetsTheSameStatusHeadersAndBody() {
        String raw = token.reveal();
        HttpResponse<String> unknownToken = server.get(ME, "Authorization", TestServer.bearer(SessionToken.generate().reveal()));
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(server.get(ME));
        responses.add(server.get(ME, "Authorization", TestServer.bearer(raw.substring(0, raw.length() - 1))));
        responses.add(server.get(ME, "Authorization", TestServer.bearer(flipCase(raw))));
        responses.add(server.get(ME, "Authorization", TestServer.bearer(raw + "A")));
        responses.add(server.get(ME, "Authorization", "Bearer"));
        responses.add(server.get(ME, "Authorization", "Bearer "));
        responses.add(server.get(ME, "Authorization", "Bearer  " + raw));
        responses.add(server.get(ME, "Authorization", "Bearer " + raw + " " + raw));
        responses.add(server.get(ME, "Authorization", "Bearer" + raw));
        responses.add(server.get(ME, "Authorization", "Basic " + raw));
        responses.add(server.get(ME, "Authorization", "Token " + raw));
        responses.add(server.get(ME, "Authorization", raw));
        responses.add(server.get(ME, "Authorization", TestServer.bearer(raw), "Authorization", TestServer.bearer(raw)));
        responses.add(server.get(ME + "?token=" + raw));
        responses.add(server.get(ME + "?access_token=" + raw));

        assertProblem(unknownToken, 401, "unauthenticated");
        assertThat(unknownToken.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).isEqualTo(unknownToken.statusCode());
            assertThat(headersButDate(response)).isEqualTo(headersButDate(unknownToken));
            assertThat(response.body()).isEqualTo(unknownToken.body());
        }
    }

    /** The format is public (43 base64url characters): what cannot be a token costs no lookup at all. */
    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+"})
    void whatCannotBeATokenIsRefusedWithoutAskingTheDomain(String credentials) {
        HttpResponse<String> response = server.get(ME, "Authorization", TestServer.bearer(credentials));
        HttpResponse<String> oversized = server.get(ME, "Authorization", TestServer.bearer(credentials.repeat(150)));

        assertProblem(response, 401, "unauthenticated");
        assertProblem(oversized, 401, "unauthenticated");
        verify(server.authenticating, never()).authenticate(any());
    }

    /** Jetty's per-connection header cache must not match a token ignoring case. */
    @Test
    void aCaseChangedTokenIsRejectedOnTheConnectionThatCarriedTheLiveOne() {
        assertThat(server.get(ME, "Authorization", TestServer.bearer(token.reveal())).statusCode()).isEqualTo(200);

        assertProblem(server.get(ME, "Authorization", TestServer.bearer(flipCase(token.reveal()))), 401, "unauthenticated");
        assertProblem(server.get(ME, "Authorization", "bearer " + flipCase(token.reveal())), 401, "unauthenticated");
        assertThat(server.get(ME, "Authorization", TestServer.bearer(token.reveal())).statusCode()).isEqualTo(200);
    }

    /** CWE-598: the query string never carries a token, not even as a fallback. */
    @Test
    void aTokenInTheQueryStringIsNeverLookedAt() {
        server.get(ME + "?token=" + token.reveal());
        server.get(ME + "?access_token=" + token.reveal());

        verify(server.authenticating, never()).authenticate(any());
    }

    @ParameterizedTest
    @EnumSource(value = AuthenticationFailed.Reason.class, names = "UNAUTHENTICATED", mode = EnumSource.Mode.EXCLUDE)
    void aDeadSessionSaysWhy(AuthenticationFailed.Reason reason) {
        doThrow(new AuthenticationFailed(reason)).when(server.authenticating).authenticate(any());

        HttpResponse<String> response = server.get(ME, "Authorization", TestServer.bearer(token.reveal()));

        assertProblem(response, 401, reason.name().toLowerCase(Locale.ROOT));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void anUnauthenticatedResponseIsNotCached() {
        assertThat(server.get(ME).headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    private static Authentication failUnauthenticated() {
        throw AuthenticationFailed.unauthenticated();
    }

    // The Date header is the only one that may differ, and only with the clock.
    private static Map<String, List<String>> headersButDate(HttpResponse<String> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        headers.remove("Date");
        return headers;
    }

    private static String flipCase(String text) {
        StringBuilder flipped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            flipped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return flipped.toString();
    }
}

package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        List<HttpResponse<String>> responses = new ArrayList<>();
        responses.add(server.get(ME));
        responses.add(server.get(ME, "Authorization", TestServer.bearer(SessionToken.generate().reveal())));
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

        String firstBody = responses.getFirst().body();
        for (HttpResponse<String> response : responses) {
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.body()).isEqualTo(firstBody);
            assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
        }
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

    private static String flipCase(String text) {
        StringBuilder flipped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            flipped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return flipped.toString();
    }
}

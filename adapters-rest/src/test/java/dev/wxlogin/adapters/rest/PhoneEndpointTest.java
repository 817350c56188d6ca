package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.phone.PhoneCode;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class PhoneEndpointTest {
    private static final PhoneNumber PHONE = new PhoneNumber("13800001234", "13800001234", "86");
    private static final String CODE = "e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144";

    private final TestServer server = TestServer.start();
    private final SessionToken token = SessionToken.generate();
    private final String[] authorized = {"Authorization", TestServer.bearer(token.reveal())};

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> register(String body) {
        return server.postJson("/api/v1/me/phone", body, authorized);
    }

    @Test
    void answersTheNumberWeChatVerifiedForTheCaller() {
        when(server.phones.bind(token, new PhoneCode(CODE))).thenReturn(PHONE);

        HttpResponse<String> response = register("{\"code\":\"" + CODE + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode phone = TestServer.json(response);
        assertThat(phone.fieldNames()).toIterable().containsExactly("phoneNumber", "purePhoneNumber", "countryCode");
        assertThat(phone.get("phoneNumber").asText()).isEqualTo("13800001234");
        assertThat(phone.get("purePhoneNumber").asText()).isEqualTo("13800001234");
        assertThat(phone.get("countryCode").asText()).isEqualTo("86");
    }

    @Test
    void meShowsThePhoneNumberOnceKnown() {
        Authentication alice = Fixtures.authentication("s_current");
        User user = alice.weChatUser();
        when(server.authenticating.authenticate(token)).thenReturn(Authentication.of(user.withPhone(Optional.of(PHONE)),
                alice.session()));

        JsonNode phone = TestServer.json(server.get("/api/v1/me", authorized)).get("phone");

        assertThat(phone.get("phoneNumber").asText()).isEqualTo("13800001234");
        assertThat(phone.get("countryCode").asText()).isEqualTo("86");
    }

    @Test
    void aCodeWeChatRefusesIsInvalidPhoneCode() {
        when(server.phones.bind(any(), any())).thenThrow(new PhoneCodeRejected("errcode 40029"));

        JsonNode problem = assertProblem(register("{\"code\":\"" + CODE + "\"}"), 400, "invalid_phone_code");

        assertThat(problem.toString()).doesNotContain(CODE, "40029");
    }

    @Test
    void weChatsMinuteQuotaIs429AndATokenRefusedTwiceOrAnOutageIs503WithRetryAfter() {
        when(server.phones.bind(any(), any()))
                .thenThrow(new UpstreamFailure(UpstreamFailure.Kind.RATE_LIMITED, "quota", Duration.ofSeconds(60)))
                .thenThrow(new AccessTokenRejected(40001))
                .thenThrow(new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "down", null));
        String body = "{\"code\":\"" + CODE + "\"}";

        HttpResponse<String> limited = register(body);
        assertProblem(limited, 429, "upstream_rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
        HttpResponse<String> refused = register(body);
        assertThat(assertProblem(refused, 503, "upstream_unavailable").toString()).doesNotContain("refused-twice");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(register(body).headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void noBearerTokenIs401AndNothingIsAsked() {
        assertProblem(server.postJson("/api/v1/me/phone", "{\"code\":\"" + CODE + "\"}"), 401, "unauthenticated");
        verifyNoInteractions(server.phones);
    }

    @Test
    void anUnknownTokenIs401() {
        when(server.phones.bind(any(), any())).thenThrow(AuthenticationFailed.unauthenticated());
        assertProblem(register("{\"code\":\"" + CODE + "\"}"), 401, "unauthenticated");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"code\":\"\"}", "{\"code\":42}", "{\"code\":[\"a\"]}", "{\"code\":\"has space\"}", "[]", "not json"})
    void aMalformedBodyIs400AndNothingIsAsked(String body) {
        assertThat(register(body).statusCode()).isEqualTo(400);
        verifyNoInteractions(server.phones);
    }
}

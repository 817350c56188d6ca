package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.StorageUnavailable;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.UnionId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class LoginEndpointTest {
    private static final String LOGIN = "/api/v1/login";
    private final TestServer server = TestServer.start();
    private final SessionToken token = SessionToken.generate();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCodeBecomesABearerTokenWithTheDocumentedFieldsOnly() {
        when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(token, true, Optional.of(new UnionId("un_alice"))));

        HttpResponse<String> response = server.postJson(LOGIN, "{\"code\":\"0a1B2c3D\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = TestServer.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("token", "tokenType", "expiresIn", "user");
        assertThat(body.get("token").asText()).isEqualTo(token.reveal());
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(7200);
        JsonNode user = body.get("user");
        assertThat(user.fieldNames()).toIterable().containsExactly("id", "accountId", "openid", "unionid", "newUser");
        assertThat(user.get("id").asText()).isEqualTo("u_alice");
        assertThat(user.get("openid").asText()).isEqualTo("o_alice_openid");
        assertThat(user.get("accountId").asText()).isEqualTo("a_alice");
        assertThat(user.get("unionid").asText()).isEqualTo("un_alice");
        assertThat(user.get("newUser").asBoolean()).isTrue();
    }

    @Test
    void aMissingUnionIdIsNull() {
        when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(token, false, Optional.empty()));

        JsonNode user = TestServer.json(server.postJson(LOGIN, "{\"code\":\"c\"}")).get("user");

        assertThat(user.get("unionid").isNull()).isTrue();
        assertThat(user.get("newUser").asBoolean()).isFalse();
    }

    @Test
    void theCommandCarriesTheDefaultAppIdTheCodeAndTheClient() {
        when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(token, true, Optional.empty()));

        server.postJson(LOGIN, "{\"code\":\"the-code\"}", "User-Agent", "MicroMessenger/8.0.50");

        assertThat(capturedCommand()).isEqualTo(new LoginCommand(TestServer.APP_ID, new LoginCode("the-code"),
                new ClientInfo("MicroMessenger/8.0.50", "127.0.0.1")));
    }

    /** The AppID a login names is the use case's to judge: it refuses one this server does not serve. */
    @Test
    void theCommandCarriesTheAppIdTheLoginNames() {
        when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(token, true, Optional.empty()));

        server.postJson(LOGIN, "{\"code\":\"the-code\",\"appId\":\"wxother0000000001\"}");

        assertThat(capturedCommand().appId()).isEqualTo(new AppId("wxother0000000001"));
    }

    @Test
    void anAppThisServerDoesNotServeIs400UnknownApp() {
        rejectWith(LoginRejected.Reason.UNKNOWN_APP);

        assertProblem(server.postJson(LOGIN, "{\"code\":\"c\",\"appId\":\"wxother0000000001\"}"), 400, "unknown_app");
    }

    @Test
    void aMalformedAppIdIs400WithNoLoginAttempt() {
        JsonNode problem = assertProblem(server.postJson(LOGIN, "{\"code\":\"c\",\"appId\":\"wx/../other\"}"),
                400, "bad_request");

        verifyNoInteractions(server.loggingIn);
        assertThat(problem.get("detail").asText()).contains("AppID");
    }

    @Test
    void withSeveralAppsALoginMustNameOneAndThenCarriesIt() {
        AppId shop = new AppId("wxshop0000000001");
        try (TestServer several = TestServer.serving(shop, new AppId("wxcard0000000002"))) {
            when(several.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(token, true, Optional.empty()));

            assertProblem(several.postJson(LOGIN, "{\"code\":\"c\"}"), 400, "app_required");
            verifyNoInteractions(several.loggingIn);

            assertThat(several.postJson(LOGIN, "{\"code\":\"c\",\"appId\":\"wxshop0000000001\"}").statusCode())
                    .isEqualTo(200);
            ArgumentCaptor<LoginCommand> command = ArgumentCaptor.forClass(LoginCommand.class);
            verify(several.loggingIn).logIn(command.capture());
            assertThat(command.getValue().appId()).isEqualTo(shop);
        }
    }

    /** B5: identity comes from WeChat only; whatever the client claims is ignored. */
    @Test
    void identityClaimsInTheBodyAreIgnored() {
        when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(token, true, Optional.empty()));

        HttpResponse<String> response = server.postJson(LOGIN, """
                {"openid":"o_mallory","unionid":"un_mallory","session_key":"c2Vzc2lvbktleQ==",
                 "code":"the-code","user":{"id":"u_mallory"}}""", "User-Agent", "MicroMessenger/8.0.50");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(capturedCommand()).isEqualTo(new LoginCommand(TestServer.APP_ID, new LoginCode("the-code"),
                new ClientInfo("MicroMessenger/8.0.50", "127.0.0.1")));
        assertThat(response.body()).doesNotContain("mallory", "session_key", "c2Vzc2lvbktleQ");
    }

    static Stream<Arguments> badCodes() {
        return Stream.of(
                Arguments.of("missing", "{}"),
                Arguments.of("null", "{\"code\":null}"),
                Arguments.of("empty", "{\"code\":\"\"}"),
                Arguments.of("array", "{\"code\":[\"0a1B2c3D\"]}"),
                Arguments.of("number", "{\"code\":12345}"),
                Arguments.of("boolean", "{\"code\":true}"),
                Arguments.of("object", "{\"code\":{\"value\":\"0a1B2c3D\"}}"),
                Arguments.of("129 characters", "{\"code\":\"" + "a".repeat(129) + "\"}"),
                Arguments.of("a space", "{\"code\":\"ab cd\"}"),
                Arguments.of("a control character", "{\"code\":\"ab\\u0001cd\"}"),
                Arguments.of("non-ASCII", "{\"code\":\"登录码\"}"));
    }

    /** B1: refused before the login port, so WeChat is never asked. */
    @ParameterizedTest(name = "code {0}")
    @MethodSource("badCodes")
    void aBadCodeIs400WithNoLoginAttempt(String what, String body) {
        JsonNode problem = assertProblem(server.postJson(LOGIN, body), 400, "bad_request");

        verifyNoInteractions(server.loggingIn);
        assertThat(problem.get("detail").asText()).contains("code");
    }

    @Test
    void aCodeOf128CharactersIsAccepted() {
        when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(token, true, Optional.empty()));

        assertThat(server.postJson(LOGIN, "{\"code\":\"" + "a".repeat(128) + "\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidCodeIs401() {
        rejectWith(LoginRejected.Reason.INVALID_CODE);

        assertProblem(server.postJson(LOGIN, "{\"code\":\"c\"}"), 401, "invalid_code");
    }

    @Test
    void aUsedCodeIs409() {
        rejectWith(LoginRejected.Reason.CODE_USED);

        assertProblem(server.postJson(LOGIN, "{\"code\":\"c\"}"), 409, "code_used");
    }

    @Test
    void aBlockedUserIs403() {
        rejectWith(LoginRejected.Reason.USER_BLOCKED);

        assertProblem(server.postJson(LOGIN, "{\"code\":\"c\"}"), 403, "user_blocked");
    }

    @Test
    void aDisabledAccountIs403AccountDisabledNotUserBlocked() {
        rejectWith(LoginRejected.Reason.ACCOUNT_DISABLED);

        JsonNode problem = assertProblem(server.postJson(LOGIN, "{\"code\":\"c\"}"), 403, "account_disabled");
        assertThat(problem.get("detail").asText()).isEqualTo("This account is disabled");
    }

    @Test
    void wechatBusyIs503WithRetryAfterInWholeSecondsRoundedUp() {
        failUpstream(UpstreamFailure.Kind.BUSY, Duration.ofMillis(1500));

        HttpResponse<String> response = server.postJson(LOGIN, "{\"code\":\"c\"}");

        assertProblem(response, 503, "upstream_busy");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void wechatRateLimitIs429WithRetryAfter() {
        failUpstream(UpstreamFailure.Kind.RATE_LIMITED, Duration.ofSeconds(60));

        HttpResponse<String> response = server.postJson(LOGIN, "{\"code\":\"c\"}");

        assertProblem(response, 429, "upstream_rate_limited");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
    }

    /** The first login after WeChat became unreachable, before the breaker opens and knows how long to wait. */
    @Test
    void wechatUnavailableIs503WithItsDefaultRetryAfterWhenNoneIsKnown() {
        failUpstream(UpstreamFailure.Kind.UNAVAILABLE, null);

        HttpResponse<String> response = server.postJson(LOGIN, "{\"code\":\"c\"}");

        assertProblem(response, 503, "upstream_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void anOpenBreakersOwnWaitWins() {
        failUpstream(UpstreamFailure.Kind.UNAVAILABLE, Duration.ofSeconds(17));

        assertThat(server.postJson(LOGIN, "{\"code\":\"c\"}").headers().allValues("Retry-After")).containsExactly("17");
    }

    @Test
    void misconfiguredCredentialsAre502AndBlameTheServer() {
        failUpstream(UpstreamFailure.Kind.MISCONFIGURED, null);

        JsonNode problem = assertProblem(server.postJson(LOGIN, "{\"code\":\"c\"}"), 502, "upstream_misconfigured");

        assertThat(problem.get("detail").asText()).contains("server's WeChat credentials are misconfigured");
    }

    @Test
    void anErrcodeTheServerDoesNotKnowIs502AndAsksForANewCode() {
        failUpstream(UpstreamFailure.Kind.REFUSED, null);

        HttpResponse<String> response = server.postJson(LOGIN, "{\"code\":\"c\"}");

        JsonNode problem = assertProblem(response, 502, "upstream_error");
        assertThat(problem.get("detail").asText()).contains("wx.login()");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void aDatabaseThatDoesNotAnswerIs503WithRetryAfterAndNoToken() {
        when(server.loggingIn.logIn(any())).thenThrow(new StorageUnavailable("The database is not answering"));

        HttpResponse<String> response = server.postJson(LOGIN, "{\"code\":\"c\"}");

        assertProblem(response, 503, "storage_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.body()).doesNotContain("token\"");
    }

    @Test
    void anUnexpectedFailureIs500AndRevealsNothing() {
        when(server.loggingIn.logIn(any())).thenThrow(new IllegalStateException("db password is hunter2"));

        HttpResponse<String> response = server.postJson(LOGIN, "{\"code\":\"c\"}");

        JsonNode problem = assertProblem(response, 500, "internal_error");
        assertThat(problem.get("detail").asText()).isEqualTo("The server failed to handle the request");
        assertThat(response.body()).doesNotContain("hunter2", "IllegalStateException");
    }

    @Test
    void anErrorIs500AsAProblemToo() {
        when(server.loggingIn.logIn(any())).thenThrow(new StackOverflowError("deep"));

        assertProblem(server.postJson(LOGIN, "{\"code\":\"c\"}"), 500, "internal_error");
    }

    @Test
    void loginIsPostOnly() {
        HttpResponse<String> response = server.get(LOGIN);

        assertProblem(response, 405, "method_not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    private void rejectWith(LoginRejected.Reason reason) {
        when(server.loggingIn.logIn(any())).thenThrow(new LoginRejected(reason));
    }

    private void failUpstream(UpstreamFailure.Kind kind, Duration retryAfter) {
        when(server.loggingIn.logIn(any())).thenThrow(new UpstreamFailure(kind, "WeChat failed", retryAfter));
    }

    private LoginCommand capturedCommand() {
        ArgumentCaptor<LoginCommand> command = ArgumentCaptor.forClass(LoginCommand.class);
        verify(server.loggingIn).logIn(command.capture());
        return command.getValue();
    }
}

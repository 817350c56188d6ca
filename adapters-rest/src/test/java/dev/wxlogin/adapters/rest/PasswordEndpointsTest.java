package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.error.WeChatBoundElsewhere;
import dev.wxlogin.domain.error.WeChatSessionRequired;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordLoginResult;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.in.ForManagingProfiles;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class PasswordEndpointsTest {
    private static final String PASSWORD = "correct horse battery";
    private final TestServer server = TestServer.start();
    private final SessionToken token = SessionToken.generate();
    private final String bearer = TestServer.bearer(token.reveal());
    private final PasswordLoginResult result = new PasswordLoginResult(token, Duration.ofHours(2),
            new AccountId("a_alice"), new Username("alice"), true);

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> put(String path, String json, String... headers) {
        HttpRequest.Builder request = server.request(path).header("Content-Type", TestServer.JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.send(request);
    }

    @Test
    void registrationAnswers201WithATokenAndTheAccountAndHandsTheUseCaseNormalisedValues() {
        when(server.passwordLogin.register(any(), any(), any())).thenReturn(result);

        HttpResponse<String> response = server.postJson("/api/v1/accounts",
                "{\"username\":\"ＡＬＩＣＥ\",\"password\":\"" + PASSWORD + "\"}", "User-Agent", "Mozilla/5.0");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = TestServer.json(response);
        assertThat(body.fieldNames()).toIterable().containsExactly("token", "tokenType", "expiresIn", "account");
        assertThat(body.get("token").asText()).isEqualTo(token.reveal());
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(7200);
        JsonNode account = body.get("account");
        assertThat(account.fieldNames()).toIterable().containsExactly("id", "username", "newAccount");
        assertThat(account.get("id").asText()).isEqualTo("a_alice");
        assertThat(account.get("username").asText()).isEqualTo("alice");
        assertThat(account.get("newAccount").asBoolean()).isTrue();
        verify(server.passwordLogin).register(new Username("alice"), new Password(PASSWORD),
                new ClientInfo("Mozilla/5.0", "127.0.0.1"));
    }

    @Test
    void aPasswordLoginAnswers200WithTheSameDocument() {
        when(server.passwordLogin.logIn(any(), any(), any())).thenReturn(new PasswordLoginResult(token,
                Duration.ofHours(2), new AccountId("a_alice"), new Username("alice"), false));

        HttpResponse<String> response = server.postJson("/api/v1/login/password",
                "{\"username\":\"Alice\",\"password\":\"" + PASSWORD + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(response).get("account").get("newAccount").asBoolean()).isFalse();
        verify(server.passwordLogin).logIn(eq(new Username("alice")), eq(new Password(PASSWORD)), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"username\":\"alice\"}", "{\"password\":\"" + PASSWORD + "\"}",
            "{\"username\":\"al\",\"password\":\"" + PASSWORD + "\"}", "{\"username\":\"alice\",\"password\":\"short\"}",
            "{\"username\":\"al ice\",\"password\":\"" + PASSWORD + "\"}", "{\"username\":7,\"password\":\"" + PASSWORD + "\"}"})
    void malformedCredentialsAre400AndReachNoUseCase(String body) {
        assertProblem(server.postJson("/api/v1/accounts", body), 400, "bad_request");
        assertProblem(server.postJson("/api/v1/login/password", body), 400, "bad_request");
        verifyNoInteractions(server.passwordLogin);
    }

    @Test
    void anUnknownNameAndAWrongPasswordGetOneByteIdenticalAnswer() {
        when(server.passwordLogin.logIn(any(), any(), any()))
                .thenThrow(new CredentialsRejected(CredentialsRejected.Reason.INVALID_CREDENTIALS));

        HttpResponse<String> unknown = server.postJson("/api/v1/login/password",
                "{\"username\":\"nobody\",\"password\":\"" + PASSWORD + "\"}");
        HttpResponse<String> wrong = server.postJson("/api/v1/login/password",
                "{\"username\":\"alice\",\"password\":\"not the password\"}");

        assertProblem(unknown, 401, "invalid_credentials");
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(wrong.body()).isEqualTo(unknown.body());
        assertThat(wrong.headers().map().keySet()).isEqualTo(unknown.headers().map().keySet());
    }

    @Test
    void tooManyFailuresAre429WithTheWait() {
        when(server.passwordLogin.logIn(any(), any(), any()))
                .thenThrow(CredentialsRejected.tooManyFailures(Duration.ofSeconds(61)));

        HttpResponse<String> response = server.postJson("/api/v1/login/password",
                "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}");

        assertProblem(response, 429, "rate_limited");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("61");
    }

    @Test
    void registrationRefusalsHaveTheirCodes() {
        when(server.passwordLogin.register(any(), any(), any()))
                .thenThrow(CredentialsRejected.usernameTaken())
                .thenThrow(new CredentialsRejected(CredentialsRejected.Reason.COMMON_PASSWORD));
        String body = "{\"username\":\"alice\",\"password\":\"" + PASSWORD + "\"}";

        assertProblem(server.postJson("/api/v1/accounts", body), 409, "username_taken");
        assertProblem(server.postJson("/api/v1/accounts", body), 400, "common_password");
    }

    @Test
    void settingAPasswordPassesWhatWasGivenAndAnswersTheUsername() {
        when(server.credentials.setPassword(any(), any(), any(), any(), any())).thenReturn(new Username("alice"));

        HttpResponse<String> first = put("/api/v1/me/password",
                "{\"username\":\"Alice\",\"password\":\"" + PASSWORD + "\"}", "Authorization", bearer);
        HttpResponse<String> change = put("/api/v1/me/password",
                "{\"password\":\"staple grape lantern\",\"currentPassword\":\"" + PASSWORD + "\"}", "Authorization", bearer);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(first).get("username").asText()).isEqualTo("alice");
        assertThat(change.statusCode()).isEqualTo(200);
        verify(server.credentials).setPassword(eq(token), eq(Optional.of(new Username("alice"))),
                eq(new Password(PASSWORD)), eq(Optional.empty()), any());
        verify(server.credentials).setPassword(eq(token), eq(Optional.empty()),
                eq(new Password("staple grape lantern")), eq(Optional.of(new Password(PASSWORD))), any());
    }

    @Test
    void passwordChangeRefusalsHaveTheirCodes() {
        when(server.credentials.setPassword(any(), any(), any(), any(), any()))
                .thenThrow(new CredentialsRejected(CredentialsRejected.Reason.WRONG_CURRENT_PASSWORD))
                .thenThrow(new CredentialsRejected(CredentialsRejected.Reason.USERNAME_ALREADY_SET));
        String body = "{\"password\":\"" + PASSWORD + "\",\"currentPassword\":\"whatever it was\"}";

        assertProblem(put("/api/v1/me/password", body, "Authorization", bearer), 403, "wrong_current_password");
        assertProblem(put("/api/v1/me/password", body, "Authorization", bearer), 409, "username_already_set");
    }

    @Test
    void bindingWeChatAnswersTheBoundUserOfTheOnlyApp() {
        when(server.credentials.bindWeChat(any(), any(), any())).thenReturn(Fixtures.user());

        HttpResponse<String> response = server.postJson("/api/v1/me/wechat", "{\"code\":\"0a1B2c3D\"}",
                "Authorization", bearer);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode user = TestServer.json(response).get("user");
        assertThat(user.fieldNames()).toIterable().containsExactly("id", "accountId", "appId", "openid", "unionid");
        assertThat(user.get("id").asText()).isEqualTo("u_alice");
        assertThat(user.get("accountId").asText()).isEqualTo("a_alice");
        assertThat(user.get("appId").asText()).isEqualTo(TestServer.APP_ID.value());
        verify(server.credentials).bindWeChat(token, TestServer.APP_ID, new LoginCode("0a1B2c3D"));
    }

    @Test
    void aWeChatIdentityOfAnotherAccountIs409() {
        when(server.credentials.bindWeChat(any(), any(), any())).thenThrow(new WeChatBoundElsewhere());

        assertProblem(server.postJson("/api/v1/me/wechat", "{\"code\":\"c\"}", "Authorization", bearer),
                409, "wechat_bound_elsewhere");
    }

    @Test
    void whatNeedsAWeChatUserIs403ForAPasswordSession() {
        when(server.profiles.me(any())).thenThrow(new WeChatSessionRequired());

        assertProblem(server.get("/api/v1/me", "Authorization", bearer), 403, "wechat_session_required");
    }

    @Test
    void theCallersRoutesNeedABearerTokenBeforeTheirBodyIsRead() {
        assertProblem(put("/api/v1/me/password", "not even json"), 401, "unauthenticated");
        assertProblem(server.postJson("/api/v1/me/wechat", "not even json"), 401, "unauthenticated");
        verifyNoInteractions(server.credentials);
    }

    @Test
    void aPasswordSessionsMeShowsTheAccountAndTheUsernameAndNoUser() {
        when(server.authenticating.authenticate(token)).thenReturn(Authentication.ofAccount(
                Fixtures.passwordSession("s_web")));
        when(server.profiles.me(token)).thenAnswer(call -> new ForManagingProfiles.Me(
                server.authenticating.authenticate(token), Profile.EMPTY,
                Optional.of(new Username("alice"))));

        JsonNode me = TestServer.json(server.get("/api/v1/me", "Authorization", bearer));

        assertThat(me.get("accountId").asText()).isEqualTo("a_alice");
        assertThat(me.get("username").asText()).isEqualTo("alice");
        assertThat(me.get("id").isNull()).isTrue();
        assertThat(me.get("openid").isNull()).isTrue();
        assertThat(me.get("appId").isNull()).isTrue();
        assertThat(me.get("session").get("method").asText()).isEqualTo("password");
        assertThat(me.get("session").get("id").asText()).isEqualTo("s_web");
    }
}

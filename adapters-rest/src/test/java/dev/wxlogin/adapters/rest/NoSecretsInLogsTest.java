package dev.wxlogin.adapters.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * L9 for this adapter: whatever it and Javalin log, down to DEBUG, holds no token, no login or phone code, no
 * phone number and no exception message. Jetty stays at INFO, as it must in production: at DEBUG its parser logs raw headers.
 */
class NoSecretsInLogsTest {
    private static final String CODE = "secret-login-code-0a1B2c3D";
    private static final String EXCEPTION_MESSAGE = "db password is hunter2";
    private static final String PHONE_CODE = "5ecre7ph0necode5ecre7ph0necode5ecre7ph0necode5ecre7ph0necode0001";
    private static final PhoneNumber PHONE = new PhoneNumber("+86 13912345678", "13912345678", "86");

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger jetty = (Logger) LoggerFactory.getLogger("org.eclipse.jetty");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final SessionToken token = SessionToken.generate();
    private final Level rootLevel = root.getLevel();
    private final Level jettyLevel = jetty.getLevel();

    @BeforeEach
    void captureEverything() {
        root.setLevel(Level.DEBUG);
        jetty.setLevel(Level.INFO);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void restore() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
        jetty.setLevel(jettyLevel);
    }

    @Test
    void neitherTokensNorCodesNorExceptionMessagesAreLogged() {
        try (TestServer server = TestServer.start()) {
            when(server.loggingIn.logIn(any())).thenReturn(Fixtures.loginResult(token, true, Optional.empty()));
            when(server.authenticating.authenticate(any())).thenThrow(new IllegalStateException(EXCEPTION_MESSAGE));

            server.postJson("/api/v1/login", "{\"code\":\"" + CODE + "\"}");
            server.postJson("/api/v1/login", "{\"code\":\"" + CODE + "\",\"x\":" + "[".repeat(100) + "}");
            server.get("/api/v1/me", "Authorization", TestServer.bearer(token.reveal()));
            server.get("/api/v1/me?access_token=" + token.reveal());
            server.post("/api/v1/logout", "Authorization", TestServer.bearer(token.reveal()));
            when(server.phones.bind(any(), any())).thenReturn(PHONE)
                    .thenThrow(new PhoneCodeRejected("refused"))
                    .thenThrow(new IllegalStateException(EXCEPTION_MESSAGE));
            for (int i = 0; i < 3; i++) {
                server.postJson("/api/v1/me/phone", "{\"code\":\"" + PHONE_CODE + "\"}",
                        "Authorization", TestServer.bearer(token.reveal()));
            }
            server.postJson("/api/v1/me/phone", "{\"code\":[\"" + PHONE_CODE + "\"]}",
                    "Authorization", TestServer.bearer(token.reveal()));
        }

        assertNothingLoggedContains(token.reveal(), CODE, EXCEPTION_MESSAGE, PHONE_CODE, PHONE.purePhoneNumber());
    }

    /** The access_token is in the internal API's responses only; an API key, right or wrong, is nowhere. */
    @Test
    void neitherAccessTokensNorApiKeysAreLogged() {
        String accessToken = "ACCESS_TOKEN_never_logged_0a1B2c";
        String rejected = "ACCESS_TOKEN_rejected_never_logged";
        String wrongKey = "wrong-key-never-logged-0123456789abcdef";
        try (InternalTestServer server = InternalTestServer.start()) {
            AccessTokenGrant grant = new AccessTokenGrant(TestServer.APP_ID, new AccessToken(accessToken), Instant.EPOCH);
            when(server.tokens.current(any())).thenReturn(grant);
            when(server.tokens.replaceRejected(any(), any())).thenReturn(grant);
            when(server.endingSessions.endAll(any())).thenThrow(new IllegalStateException(EXCEPTION_MESSAGE));

            server.get("/internal/v1/access-token?appId=" + TestServer.APP_ID, InternalTestServer.authorized());
            server.postJson("/internal/v1/access-token/refresh", "{\"rejectedToken\":\"" + rejected + "\"}",
                    InternalTestServer.authorized());
            server.get("/internal/v1/access-token?access_token=" + accessToken, "Authorization", TestServer.bearer(wrongKey));
            server.delete("/internal/v1/users/u_alice/sessions", InternalTestServer.authorized());
        }

        assertNothingLoggedContains(accessToken, rejected, InternalTestServer.KEY, wrongKey, EXCEPTION_MESSAGE);
    }

    private void assertNothingLoggedContains(String... secrets) {
        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String logged = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(logged).doesNotContain(secrets);
        }
    }
}

package dev.wxlogin.adapters.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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

        assertThat(captured.list).isNotEmpty();
        for (ILoggingEvent event : captured.list) {
            String logged = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            assertThat(logged).doesNotContain(token.reveal(), CODE, EXCEPTION_MESSAGE, PHONE_CODE, PHONE.purePhoneNumber());
        }
    }
}

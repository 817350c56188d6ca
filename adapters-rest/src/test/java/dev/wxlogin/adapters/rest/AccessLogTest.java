package dev.wxlogin.adapters.rest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/** One line per request: method, route template, status and milliseconds, and nothing a client sent. */
class AccessLogTest {
    private static final String LINE = "\\d+ms";

    private final Logger access = (Logger) LoggerFactory.getLogger("dev.wxlogin.adapters.rest.access");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final SessionToken token = SessionToken.generate();

    @BeforeEach
    void capture() {
        access.setLevel(Level.INFO);
        captured.start();
        access.addAppender(captured);
    }

    @AfterEach
    void restore() {
        access.detachAppender(captured);
        access.setLevel(null);
    }

    @Test
    void theRouteTemplateIsLoggedNeitherThePathNorTheQueryNorTheToken() {
        try (TestServer server = TestServer.start()) {
            when(server.authenticating.authenticate(any())).thenReturn(Fixtures.authentication("s_current"));

            server.delete("/api/v1/sessions/s_older?reason=lost-phone", "Authorization", TestServer.bearer(token.reveal()));
        }

        assertThat(lines()).singleElement().asString().matches("DELETE /api/v1/sessions/\\{id} 204 " + LINE)
                .doesNotContain("s_older", "lost-phone", token.reveal(), "Bearer");
    }

    @Test
    void failuresAreLoggedWithTheirStatus() {
        try (TestServer server = TestServer.limiting(TestServer.loginLimits(1, 0))) {
            server.get("/api/v1/me?access_token=" + token.reveal());
            server.postJson("/api/v1/login", "{}");
            server.postJson("/api/v1/login", "{\"code\":\"abc\"}");
            server.get("/api/v1/nothing/here");
        }

        assertThat(lines()).satisfiesExactly(
                line -> assertThat(line).matches("GET /api/v1/me 401 " + LINE),
                line -> assertThat(line).matches("POST /api/v1/login 400 " + LINE),
                line -> assertThat(line).matches("POST /api/v1/login 429 " + LINE),
                line -> assertThat(line).matches("GET \\(none\\) 404 " + LINE));
        assertThat(String.join("\n", lines())).doesNotContain(token.reveal(), "abc", "nothing");
    }

    private List<String> lines() {
        assertThat(captured.list).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.INFO));
        return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}

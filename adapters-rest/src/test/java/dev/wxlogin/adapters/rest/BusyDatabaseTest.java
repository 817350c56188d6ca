package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/** Contention in the database (a lock wait that timed out, a lost deadlock) is a 503 to retry, never a 500. */
class BusyDatabaseTest {
    private static final StorageBusy BUSY = new StorageBusy("The database is busy");
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aLoginThatMeetsContentionIs503StorageBusyWithRetryAfterAndNoToken() {
        when(server.loggingIn.logIn(any())).thenThrow(BUSY);

        HttpResponse<String> response = server.postJson("/api/v1/login", "{\"code\":\"c\"}");

        assertProblem(response, 503, "storage_busy");
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
        assertThat(response.body()).doesNotContain("token\"");
    }

    @Test
    void anAuthenticatedRequestThatMeetsContentionIs503StorageBusy() {
        SessionToken token = SessionToken.generate();
        when(server.authenticating.authenticate(token)).thenReturn(Fixtures.authentication("s_current"));
        when(server.sessions.revokeAll(any())).thenThrow(BUSY);

        HttpResponse<String> response = server.post("/api/v1/logout-all", "Authorization", TestServer.bearer(token.reveal()));

        assertProblem(response, 503, "storage_busy");
        assertThat(response.headers().firstValue("Retry-After")).contains("2");
    }
}

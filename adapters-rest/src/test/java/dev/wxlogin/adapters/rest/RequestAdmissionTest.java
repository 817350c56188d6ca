package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Requests beyond the active limit wait without a thread, and only a full or too long wait is refused. */
class RequestAdmissionTest {
    private static final String LOGIN = "/api/v1/login";
    private static final String BODY = "{\"code\":\"0a1B2c3D\"}";
    private final CountDownLatch firstLoginEntered = new CountDownLatch(1);
    private final CountDownLatch releaseLogins = new CountDownLatch(1);
    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
    private TestServer server;

    @AfterEach
    void stop() {
        releaseLogins.countDown();
        clients.close();
        server.close();
    }

    @Test
    void aRequestBeyondTheLimitWaitsForItsTurnAndIsAnswered() throws Exception {
        startHoldingLogins(new RequestAdmission(1, 10, Duration.ofSeconds(30)));
        CompletableFuture<HttpResponse<String>> first = login();
        assertThat(firstLoginEntered.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<HttpResponse<String>> second = login();
        Thread.sleep(300); // gives the second request time to get in, if the limit let it
        verify(server.loggingIn, times(1)).logIn(any());
        assertThat(second).isNotDone();

        releaseLogins.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(second.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        verify(server.loggingIn, times(2)).logIn(any());
    }

    @Test
    void aRequestFindingNoRoomToWaitIsRefusedAtOnceWithRetryAfter() throws Exception {
        assertASecondLoginIsRefusedWhileTheFirstIsHeld(new RequestAdmission(1, 0, Duration.ofSeconds(30)));
    }

    @Test
    void aRequestThatWaitsLongerThanAllowedIsRefusedWithRetryAfter() throws Exception {
        assertASecondLoginIsRefusedWhileTheFirstIsHeld(new RequestAdmission(1, 10, Duration.ofMillis(200)));
    }

    @Test
    void probesAreAnsweredWhileEveryPlaceIsTaken() throws Exception {
        startHoldingLogins(new RequestAdmission(1, 0, Duration.ofSeconds(30)));
        login();
        assertThat(firstLoginEntered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(server.get("/health").statusCode()).isEqualTo(200);
        assertThat(server.get("/ready").statusCode()).isEqualTo(200);
        assertProblem(server.get("/api/v1/me"), 503, "unavailable");
    }

    private void assertASecondLoginIsRefusedWhileTheFirstIsHeld(RequestAdmission admission) throws Exception {
        startHoldingLogins(admission);
        CompletableFuture<HttpResponse<String>> first = login();
        assertThat(firstLoginEntered.await(10, TimeUnit.SECONDS)).isTrue();

        HttpResponse<String> refused = server.postJson(LOGIN, BODY);

        assertProblem(refused, 503, "unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        verify(server.loggingIn, times(1)).logIn(any());
        releaseLogins.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    private void startHoldingLogins(RequestAdmission admission) {
        server = TestServer.admitting(admission);
        SessionToken token = SessionToken.generate();
        when(server.loggingIn.logIn(any())).thenAnswer(call -> {
            firstLoginEntered.countDown();
            assertThat(releaseLogins.await(30, TimeUnit.SECONDS)).isTrue();
            return Fixtures.loginResult(token, true, Optional.empty());
        });
    }

    private CompletableFuture<HttpResponse<String>> login() {
        return CompletableFuture.supplyAsync(() -> server.postJson(LOGIN, BODY), clients);
    }
}

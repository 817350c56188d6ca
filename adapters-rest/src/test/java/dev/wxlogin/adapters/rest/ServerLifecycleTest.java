package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

class ServerLifecycleTest {
    private static final LoginResult RESULT = Fixtures.loginResult(SessionToken.generate(), false, Optional.empty());

    @Test
    void requestsRunOnVirtualThreads() {
        AtomicBoolean virtual = new AtomicBoolean();
        try (TestServer server = TestServer.start()) {
            when(server.loggingIn.logIn(any())).thenAnswer(call -> {
                virtual.set(Thread.currentThread().isVirtual());
                return RESULT;
            });

            assertThat(server.postJson("/api/v1/login", "{\"code\":\"abc\"}").statusCode()).isEqualTo(200);
        }
        assertThat(virtual).isTrue();
    }

    @Test
    void stoppingClosesTheListenerButLetsARequestInFlightFinish() throws Exception {
        TestServer server = TestServer.start();
        int port = server.port();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        when(server.loggingIn.logIn(any())).thenAnswer(call -> {
            entered.countDown();
            release.await();
            return RESULT;
        });
        try (HttpClient ownConnection = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest login = server.request("/api/v1/login").header("Content-Type", TestServer.JSON)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"abc\"}")).build();
            CompletableFuture<HttpResponse<String>> inFlight = ownConnection.sendAsync(login, HttpResponse.BodyHandlers.ofString());
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            awaitRefusedConnections(port);
            release.countDown();

            assertThat(inFlight.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            stopping.get(10, TimeUnit.SECONDS);
        }
    }

    /** Until connecting to {@code port} is refused: the listener is closed (for a stop in progress too). */
    static void awaitRefusedConnections(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // Not refused yet: try again.
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the server kept accepting connections while stopping");
    }
}

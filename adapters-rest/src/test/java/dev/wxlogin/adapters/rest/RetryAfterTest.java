package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.error.StorageUnavailable;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.session.SessionToken;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * Every 429 and 503 the server can answer carries {@code Retry-After}: each such problem type is provoked through
 * the real server, so a new type that has no way to provoke it here, or no {@code Retry-After}, fails the build.
 */
class RetryAfterTest {
    private static final String LOGIN = "/api/v1/login";
    private static final String CODE = "{\"code\":\"abc\"}";

    /** How to make the server answer each type, with no more precise wait known than the type's own. */
    private static final Map<ProblemType, Function<TestServer, Answer>> PROVOKE = Map.of(
            ProblemType.RATE_LIMITED, RetryAfterTest::overTheLoginLimit,
            ProblemType.UPSTREAM_RATE_LIMITED, server -> loginFailing(server, UpstreamFailure.Kind.RATE_LIMITED),
            ProblemType.UPSTREAM_BUSY, server -> loginFailing(server, UpstreamFailure.Kind.BUSY),
            ProblemType.UPSTREAM_UNAVAILABLE, server -> loginFailing(server, UpstreamFailure.Kind.UNAVAILABLE),
            ProblemType.STORAGE_UNAVAILABLE, RetryAfterTest::databaseDown,
            ProblemType.STORAGE_BUSY, RetryAfterTest::databaseBusy,
            ProblemType.NOT_READY, RetryAfterTest::notReady,
            ProblemType.UNAVAILABLE, RetryAfterTest::shuttingDown);

    static Stream<ProblemType> tooManyOrUnavailable() {
        return Arrays.stream(ProblemType.values()).filter(type -> type.status() == 429 || type.status() == 503);
    }

    @ParameterizedTest
    @MethodSource("tooManyOrUnavailable")
    void everyTooManyRequestsAndEveryUnavailableCarriesRetryAfter(ProblemType type) {
        assertThat(PROVOKE).as("how to provoke %s: add it to PROVOKE", type).containsKey(type);
        Answer answer;
        try (TestServer server = TestServer.start()) {
            answer = PROVOKE.get(type).apply(server);
        }

        assertThat(answer.status()).isEqualTo(type.status());
        assertThat(answer.body()).contains("\"code\":\"" + type.code() + "\"");
        assertThat(answer.retryAfter()).as("Retry-After of %s", type)
                .hasValueSatisfying(seconds -> assertThat(seconds).matches("[1-9][0-9]*"));
        assertThat(type.retryAfter()).as("the wait %s documents in docs/api.md", type).isPresent();
    }

    private static Answer overTheLoginLimit(TestServer server) {
        when(server.loggingIn.logIn(any()))
                .thenAnswer(call -> Fixtures.loginResult(SessionToken.generate(), false, Optional.empty()));
        for (int i = 0; i < RateLimits.DEFAULT.perIpPerMinute(); i++) {
            assertThat(server.postJson(LOGIN, CODE).statusCode()).isEqualTo(200);
        }
        return Answer.of(server.postJson(LOGIN, CODE));
    }

    private static Answer loginFailing(TestServer server, UpstreamFailure.Kind kind) {
        when(server.loggingIn.logIn(any())).thenThrow(new UpstreamFailure(kind, "WeChat failed", null));
        return Answer.of(server.postJson(LOGIN, CODE));
    }

    private static Answer databaseDown(TestServer server) {
        when(server.authenticating.authenticate(any())).thenThrow(new StorageUnavailable("not answering"));
        return Answer.of(server.get("/api/v1/me", "Authorization", TestServer.bearer(SessionToken.generate().reveal())));
    }

    private static Answer databaseBusy(TestServer server) {
        when(server.authenticating.authenticate(any())).thenThrow(new StorageBusy("a lock wait timed out"));
        return Answer.of(server.get("/api/v1/me", "Authorization", TestServer.bearer(SessionToken.generate().reveal())));
    }

    private static Answer notReady(TestServer server) {
        server.readiness.set(new Readiness(false, Map.of("database", "DOWN")));
        return Answer.of(server.get("/ready"));
    }

    /**
     * Jetty's own 503, for a request that reaches a {@link org.eclipse.jetty.server.handler.GracefulHandler} that is
     * shutting down. On a real stop Jetty closes idle connections and ends busy ones after their answer, so a
     * client hardly ever sees it; to see it for certain, a bare Jetty with our error handler starts shutting down
     * its GracefulHandler, as {@code Server.stop()} does first, and keeps listening.
     */
    private static Answer shuttingDown(TestServer unused) {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        jetty.addConnector(connector);
        GracefulHandler graceful = new GracefulHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                callback.succeeded();
                return true;
            }
        });
        jetty.setHandler(graceful);
        jetty.setErrorHandler(new ProblemErrorHandler(JsonMapping.create()));
        try (HttpClient client = HttpClient.newHttpClient()) {
            jetty.start();
            graceful.shutdown();
            return Answer.of(client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            LifeCycle.stop(jetty);
        }
    }

    record Answer(int status, Optional<String> retryAfter, String body) {
        static Answer of(HttpResponse<String> response) {
            return new Answer(response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
        }
    }
}

package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.in.ForBindingPhoneNumbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.mockito.Mockito.mock;

/**
 * A real {@link RestApi} on 127.0.0.1 and a free port, with Mockito mocks for the driving ports and for the handler
 * of an {@link ExtraRoute} at {@link #SANDBOX_CODE} (as bootstrap adds the sandbox's), a readiness to set and a
 * clock for the rate limits that moves only when told.
 */
final class TestServer implements AutoCloseable {
    static final AppId APP_ID = new AppId("wx0123456789abcdef");
    static final String JSON = "application/json";
    static final String SANDBOX_CODE = "/sandbox/code";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    final ForLoggingIn loggingIn = mock(ForLoggingIn.class);
    final ForAuthenticating authenticating = mock(ForAuthenticating.class);
    final ForLoggingOut loggingOut = mock(ForLoggingOut.class);
    final ForManagingSessions sessions = mock(ForManagingSessions.class);
    final ForBindingPhoneNumbers phones = mock(ForBindingPhoneNumbers.class);
    final ExtraRoute.Handler sandbox = mock(ExtraRoute.Handler.class);
    final AtomicReference<Readiness> readiness = new AtomicReference<>(new Readiness(true, Map.of("database", "UP")));
    final ManualTime time = new ManualTime();

    private final RestApi api;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(RestSettings settings, boolean withSandbox) {
        api = new RestApi(loggingIn, authenticating, loggingOut, sessions, phones,
                withSandbox ? List.of(new ExtraRoute(SANDBOX_CODE, sandbox)) : List.of(), settings, readiness::get, time).start();
    }

    static TestServer start() {
        return new TestServer(RestSettings.local(APP_ID), true);
    }

    static TestServer withoutSandbox() {
        return new TestServer(RestSettings.local(APP_ID), false);
    }

    static TestServer trusting(String... proxies) {
        return new TestServer(localTrusting(List.of(proxies)), true);
    }

    static TestServer limiting(RateLimits limits, String... trustedProxies) {
        return new TestServer(local(List.of(trustedProxies), limits), true);
    }

    /** Login limits as given, the other limits as by default. */
    static RateLimits loginLimits(long perIpPerMinute, long globalPerSecond) {
        return new RateLimits(perIpPerMinute, globalPerSecond, RateLimits.DEFAULT.apiPerIpPerMinute(),
                RateLimits.DEFAULT.ipv6PrefixLength());
    }

    static RestSettings localTrusting(List<String> proxies) {
        return local(proxies, RateLimits.DEFAULT);
    }

    static RestSettings local(List<String> proxies, RateLimits limits) {
        RestSettings local = RestSettings.local(APP_ID);
        return new RestSettings(local.host(), local.port(), APP_ID, local.maxBodyBytes(), proxies,
                local.maxRequestHeaderBytes(), local.idleTimeout(), local.stopTimeout(), limits);
    }

    int port() {
        return api.port();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(withHeaders(request(path).GET(), headers));
    }

    HttpResponse<String> postJson(String path, String body, String... headers) {
        return send(withHeaders(request(path), headers).header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> post(String path, String... headers) {
        return send(withHeaders(request(path), headers).POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> delete(String path, String... headers) {
        return send(withHeaders(request(path), headers).DELETE());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder request, String... headers) {
        return headers.length == 0 ? request : request.headers(headers);
    }

    @Override
    public void close() {
        client.close(); // no idle keep-alive connection left for the graceful stop to wait out
        api.stop();
    }
}

package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.adapters.wechat.WeChatApiSettings.Breaker;
import dev.wxlogin.adapters.wechat.WeChatApiSettings.Bulkhead;
import dev.wxlogin.adapters.wechat.testing.CapturedLogs;
import dev.wxlogin.adapters.wechat.testing.FixtureServer;
import dev.wxlogin.adapters.wechat.testing.FixtureServer.Received;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.UpstreamFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static dev.wxlogin.domain.error.UpstreamFailure.Kind.BUSY;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.MISCONFIGURED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.REFUSED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The WeChat HTTP client on its own, with a made-up API: what any WeChat API gets from it, GET with a query and
 * POST with a JSON body alike. code2Session's own tests cover the rest (timeouts, retries, caps, the breaker).
 */
class WeChatHttpClientTest {
    private static final AppId APP = new AppId("wxclienttest00001");
    private static final String SECRET = "s&cret=+/%?#-7c1d";
    private static final String TOKEN = "ACCESS_TOKEN-9f8e7d6c5b4a";
    private static final String OK = "{\"value\":\"ok\"}";
    private static final WeChatApiSettings.Retry FAST_RETRY =
            new WeChatApiSettings.Retry(2, Duration.ofMillis(1), Duration.ofMillis(1));
    private static final int MINIMUM_CALLS = 4;
    private static final Breaker QUICK_TO_OPEN =
            new Breaker(Duration.ofSeconds(60), MINIMUM_CALLS, 50, Duration.ofSeconds(2), 50, Duration.ofSeconds(30), 2);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Its result is the answer's {@code value}; 40029 means something of its own. */
    private record EchoApi(String name, String path) implements WeChatApi<String> {
        @Override
        public Reading<String> read(JsonNode answer) {
            JsonNode value = answer.path("value");
            return value.isTextual() ? new Reading.Result<>(value.asText(), "echoed") : new Reading.Garbled<>("no value");
        }

        @Override
        public Optional<DomainException> errorFor(int errcode) {
            return errcode == 40029
                    ? Optional.of(new LoginRejected(LoginRejected.Reason.INVALID_CODE))
                    : Optional.empty();
        }
    }

    private static final EchoApi ECHO = new EchoApi("echo", "/cgi-bin/echo");

    private final CapturedLogs logs = new CapturedLogs();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        logs.close();
    }

    private FixtureServer answering(int status, String contentType, String body) {
        return closedAfterTest(FixtureServer.answering(status, contentType, body));
    }

    private WeChatHttpClient client(URI baseUrl, Breaker breaker, Bulkhead bulkhead) {
        return closedAfterTest(new WeChatHttpClient(new WeChatApiSettings(baseUrl, List.of(), Duration.ofSeconds(1),
                Duration.ofSeconds(5), WeChatApiSettings.DEFAULT_TOTAL_TIMEOUT, FAST_RETRY, breaker, bulkhead)));
    }

    private WeChatHttpClient.GuardedApi<String> echo(FixtureServer peer) {
        return client(peer.baseUrl(), Breaker.DEFAULT, Bulkhead.DEFAULT).api(ECHO);
    }

    private <T extends AutoCloseable> T closedAfterTest(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private static WeChatRequest tokenRequest() {
        return WeChatRequest.postJson(APP)
                .secretQuery("access_token", TOKEN)
                .field("grant_type", "client_credential")
                .field("appid", APP.value())
                .secretField("secret", SECRET)
                .field("force_refresh", false);
    }

    /** The call's failure, proven free of the request's secrets, as is everything logged so far. */
    private <T extends DomainException> T failure(Class<T> type, WeChatHttpClient.GuardedApi<String> api,
                                                  WeChatRequest request) {
        Throwable thrown = catchThrowable(() -> api.call(request));
        assertThat(thrown).isInstanceOf(type);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET, TOKEN);
            assertThat(t.toString()).doesNotContain(SECRET, TOKEN);
        }
        assertThat(logs.text()).doesNotContain(SECRET, TOKEN, "access_token=", "secret=", ECHO.path());
        return type.cast(thrown);
    }

    @Test
    void sendsAGetWithItsParametersUrlEncodedInTheQueryAndNoBody() {
        FixtureServer peer = answering(200, "text/plain", OK);

        String result = echo(peer).call(WeChatRequest.get(APP)
                .query("appid", APP.value())
                .secretQuery("secret", SECRET)
                .query("grant_type", "authorization_code"));

        assertThat(result).isEqualTo("ok");
        Received request = peer.received().getFirst();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.uri().getPath()).isEqualTo("/cgi-bin/echo");
        assertThat(queryOf(request.uri())).containsExactlyEntriesOf(linked(
                "appid", APP.value(), "secret", SECRET, "grant_type", "authorization_code"));
        assertThat(request.contentType()).isNull();
        assertThat(request.body()).isEmpty();
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("DEBUG echo appid=" + APP.value() + " attempt=1 outcome=[echoed] elapsedMs="));
    }

    @Test
    void sendsAPostWithAJsonBodyAndItsQuery() throws Exception {
        FixtureServer peer = answering(200, "text/plain", OK);

        String result = echo(peer).call(tokenRequest());

        assertThat(result).isEqualTo("ok");
        Received request = peer.received().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().getPath()).isEqualTo("/cgi-bin/echo");
        assertThat(queryOf(request.uri())).containsExactlyEntriesOf(Map.of("access_token", TOKEN));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(JSON.readTree(request.body())).isEqualTo(JSON.readTree("""
                {"grant_type":"client_credential","appid":"wxclienttest00001","secret":"s&cret=+/%?#-7c1d",
                 "force_refresh":false}"""));
    }

    @Test
    void blanksOutEverySecretOfTheQueryAndTheBodyThatWeChatEchoes() {
        FixtureServer peer = answering(200, "text/plain", "{\"errcode\":61000,\"errmsg\":\"token " + TOKEN
                + " with secret " + SECRET + " rid: 66b5fb8f-5e3c0071-3d7f539a\"}");

        UpstreamFailure refused = failure(UpstreamFailure.class, echo(peer), tokenRequest());

        assertThat(refused.kind()).isEqualTo(REFUSED);
        assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().satisfies(line ->
                assertThat(line).contains("echo call", APP.value(), "errcode 61000",
                        "token [redacted] with secret [redacted] rid: 66b5fb8f"));
    }

    @Test
    void readsTheApisOwnErrcodesFirstAndTheSharedOnesAfter() {
        FixtureServer own = answering(200, "text/plain", "{\"errcode\":40029,\"errmsg\":\"invalid code\"}");
        FixtureServer shared = answering(200, "text/plain", "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");

        assertThat(failure(LoginRejected.class, echo(own), tokenRequest()).reason()).isEqualTo(LoginRejected.Reason.INVALID_CODE);
        assertThat(failure(UpstreamFailure.class, echo(shared), tokenRequest()).kind()).isEqualTo(MISCONFIGURED);
    }

    @Test
    void retriesABusyPostLikeABusyGet() {
        FixtureServer peer = answering(503, "text/plain", "{\"errcode\":-1,\"errmsg\":\"system error\"}");

        assertThat(failure(UpstreamFailure.class, echo(peer), tokenRequest()).kind()).isEqualTo(BUSY);
        assertThat(peer.received()).hasSize(3).allSatisfy(request -> assertThat(request.body()).contains("client_credential"));
    }

    @Test
    void reportsAnAnswerWithoutTheApisResultAsUnavailableNamingTheApi() {
        FixtureServer peer = answering(200, "text/plain", "{\"errcode\":0,\"errmsg\":\"ok\"}");

        UpstreamFailure failure = failure(UpstreamFailure.class, echo(peer), WeChatRequest.get(APP));

        assertThat(failure.kind()).isEqualTo(UNAVAILABLE);
        assertThat(failure.getMessage()).contains("not a echo result");
        assertThat(logs.text()).contains("unreadable answer: no value");
        assertThat(peer.received()).hasSize(1);
    }

    @Test
    void givesEachApiABreakerOfItsOwn() {
        FixtureServer peer = closedAfterTest(FixtureServer.answering((exchange, released) -> {
            boolean broken = exchange.getRequestURI().getPath().startsWith("/broken");
            byte[] body = (broken ? "<html>502 Bad Gateway</html>" : OK).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(broken ? 502 : 200, body.length);
            exchange.getResponseBody().write(body);
        }));
        WeChatHttpClient client = client(peer.baseUrl(), QUICK_TO_OPEN, Bulkhead.DEFAULT);
        WeChatHttpClient.GuardedApi<String> broken = client.api(new EchoApi("broken", "/broken"));
        WeChatHttpClient.GuardedApi<String> working = client.api(new EchoApi("working", "/working"));

        for (int i = 0; i < MINIMUM_CALLS; i++) {
            assertThat(failure(UpstreamFailure.class, broken, WeChatRequest.get(APP)).kind()).isEqualTo(UNAVAILABLE);
        }

        assertThat(broken.breakerState()).isEqualTo("OPEN");
        assertThat(working.call(WeChatRequest.get(APP))).isEqualTo("ok");
        assertThat(working.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void givesEachApiABulkheadOfItsOwn() throws InterruptedException {
        AtomicReference<Throwable> slowOutcome = new AtomicReference<>();
        Thread caller;
        try (FixtureServer peer = FixtureServer.answering((exchange, released) -> {
            if (exchange.getRequestURI().getPath().startsWith("/slow")) {
                released.await();
                return;
            }
            byte[] body = OK.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        })) {
            WeChatHttpClient client = client(peer.baseUrl(), Breaker.DEFAULT, new Bulkhead(1));
            WeChatHttpClient.GuardedApi<String> slow = client.api(new EchoApi("slow", "/slow"));
            WeChatHttpClient.GuardedApi<String> fast = client.api(new EchoApi("fast", "/fast"));
            caller = Thread.ofVirtual().start(() -> slowOutcome.set(catchThrowable(() -> slow.call(WeChatRequest.get(APP)))));
            awaitRequests(peer, 1);

            UpstreamFailure refused = failure(UpstreamFailure.class, slow, WeChatRequest.get(APP));
            String result = fast.call(WeChatRequest.get(APP));

            assertThat(refused.kind()).as("the slow API's one place is taken").isEqualTo(BUSY);
            assertThat(result).isEqualTo("ok");
        }
        caller.join(Duration.ofSeconds(10));
        assertThat(slowOutcome.get()).isInstanceOf(UpstreamFailure.class);
    }

    /** Polls, a bounded number of times, for a request the caller's thread sends. */
    private static void awaitRequests(FixtureServer peer, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (peer.received().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(peer.received()).hasSize(count);
    }

    private static Map<String, String> linked(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, String> queryOf(URI request) {
        return Arrays.stream(request.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                        pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (first, second) -> first, LinkedHashMap::new));
    }
}

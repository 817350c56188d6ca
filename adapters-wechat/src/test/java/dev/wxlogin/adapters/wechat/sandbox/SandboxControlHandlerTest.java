package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A standalone sandbox, driven over HTTP as a benchmark or another backend's CI drives it. */
class SandboxControlHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SandboxApp APP = new SandboxApp(new AppId("wxcontroltest0001"), new AppSecret("control-secret-1"), true);

    private final SandboxFaults faults = new SandboxFaults();
    private final WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().apps(List.of(APP)).faults(faults).build())
            .withControlRoutes().start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        sandbox.close();
        http.close();
    }

    @Test
    void mintsOneCodeThatWeChatThenExchangesOnce() throws Exception {
        String code = JSON.readTree(post("/sandbox/code", "{\"user\":\"alice\"}").body()).get("code").asText();

        assertThat(exchange(code).has("openid")).isTrue();
        assertThat(exchange(code).get("errcode").asInt()).isEqualTo(40163);
    }

    @Test
    void mintsADistinctCodeForEveryListedUserInOrder() throws Exception {
        HttpResponse<String> response = post("/sandbox/codes", "{\"users\":[\"a\",\"b\",\"a\"]}");

        JsonNode codes = JSON.readTree(response.body()).get("codes");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(codes).hasSize(3);
        Set<String> distinct = new HashSet<>();
        codes.forEach(code -> distinct.add(code.asText()));
        assertThat(distinct).hasSize(3);
        assertThat(exchange(codes.get(0).asText()).get("openid")).isEqualTo(exchange(codes.get(2).asText()).get("openid"));
        assertThat(exchange(codes.get(1).asText()).get("openid")).isNotEqualTo(exchange(codes.get(0).asText()).get("openid"));
    }

    @Test
    void setsAndClearsFaultsWhileRunning() throws Exception {
        assertThat(post("/sandbox/faults", "{\"latency\":\"PT0.25S\",\"quotaExceeded\":true}").statusCode()).isEqualTo(204);
        assertThat(faults.latency()).isEqualTo(Duration.ofMillis(250));
        assertThat(faults.next()).isEqualTo(SandboxFaults.Fault.QUOTA_EXCEEDED);

        assertThat(post("/sandbox/faults", "{\"clear\":true}").statusCode()).isEqualTo(204);
        assertThat(faults.latency()).isZero();
        assertThat(faults.next()).isEqualTo(SandboxFaults.Fault.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"user\":7}", "{\"user\":\"has space\"}", "{\"user\":\"a\",\"appId\":\"wxunknown\"}", "not json"})
    void refusesABadCodeRequestWith400(String body) throws Exception {
        HttpResponse<String> response = post("/sandbox/code", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void refusesMoreCodesThanOneCallMayMint() throws Exception {
        String users = JSON.writeValueAsString(IntStream.rangeClosed(0, SandboxControlHandler.MAX_CODES_PER_CALL)
                .mapToObj(i -> "u" + i).toList());

        assertThat(post("/sandbox/codes", "{\"users\":" + users + "}").statusCode()).isEqualTo(400);
    }

    @Test
    void refusesBadFaultsAndUnknownRoutes() throws Exception {
        assertThat(post("/sandbox/faults", "{\"latency\":\"soon\"}").statusCode()).isEqualTo(400);
        assertThat(post("/sandbox/faults", "{\"busyRate\":2}").statusCode()).isEqualTo(400);
        assertThat(post("/sandbox/elsewhere", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/code")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
    }

    @Test
    void aSandboxWithoutControlRoutesHasNone() throws Exception {
        try (WeChatSandbox embedded = new WeChatSandbox(SandboxSettings.builder().apps(List.of(APP)).build()).start()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(embedded.baseUrl() + "/sandbox/code"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"alice\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode exchange(String code) throws IOException, InterruptedException {
        URI uri = URI.create(sandbox.baseUrl() + "/sns/jscode2session?appid=" + APP.appId() + "&secret=control-secret-1&js_code="
                + code + "&grant_type=authorization_code");
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}

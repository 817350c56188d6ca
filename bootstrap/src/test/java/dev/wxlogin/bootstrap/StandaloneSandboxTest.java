package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code wxlogin sandbox}: a WeChat another process talks to, with the phones' wx.login() on the same port. */
class StandaloneSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void playsTheConfiguredAppOnTheGivenPortWithItsFaults() throws Exception {
        ConfigurationSource config = new ConfigurationSource(Map.of(
                "WXLOGIN_APP_ID", "wxstandalone00001", "WXLOGIN_APP_SECRET", "standalone-secret",
                "WXLOGIN_SANDBOX_RISKY_USERS", "mallory"));
        try (WeChatSandbox sandbox = StandaloneSandbox.start(List.of("--port", "0"), config);
             HttpClient http = HttpClient.newHttpClient()) {
            assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
            assertThat(exchange(http, sandbox, code(http, sandbox, "alice")).has("openid")).isTrue();
            assertThat(exchange(http, sandbox, code(http, sandbox, "mallory")).get("errcode").asInt()).isEqualTo(40226);
        }
    }

    @Test
    void itPlaysTheAppsOfWxloginSandboxApps() {
        ConfigurationSource config = new ConfigurationSource(Map.of("WXLOGIN_SANDBOX_APPS", "wxsandboxshop,wxsandboxcard"));
        try (WeChatSandbox sandbox = StandaloneSandbox.start(List.of("--port", "0"), config)) {
            assertThat(sandbox.miniPrograms()).extracting(app -> app.appId().value())
                    .containsExactly("wxsandboxshop", "wxsandboxcard");
        }
    }

    @Test
    void withoutAnAppItPlaysTheSandboxsOwn() {
        try (WeChatSandbox sandbox = StandaloneSandbox.start(List.of("--port", "0"), new ConfigurationSource(Map.of()))) {
            assertThat(sandbox.miniPrograms()).singleElement()
                    .satisfies(app -> assertThat(app.appId().value()).isEqualTo("wxsandbox00000001"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "--port x", "--port 65536", "--port -1", "--host 0.0.0.0", "--port 1 extra"})
    void refusesArgumentsItDoesNotUnderstandWithTheUsage(String args) {
        assertThatThrownBy(() -> StandaloneSandbox.start(Arrays.asList(args.split(" ")), new ConfigurationSource(Map.of())))
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessage(StandaloneSandbox.USAGE);
    }

    private static String code(HttpClient http, WeChatSandbox sandbox, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/code"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}")).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("code").asText();
    }

    private static JsonNode exchange(HttpClient http, WeChatSandbox sandbox, String code) throws Exception {
        URI uri = URI.create(sandbox.baseUrl() + "/sns/jscode2session?appid=" + sandbox.miniPrograms().getFirst().appId()
                + "&secret=standalone-secret&js_code=" + code + "&grant_type=authorization_code");
        return JSON.readTree(http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body());
    }
}

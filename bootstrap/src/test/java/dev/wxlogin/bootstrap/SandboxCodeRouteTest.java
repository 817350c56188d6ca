package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /sandbox/code}, the sandbox's {@code wx.login()} that bootstrap adds to the REST API as an extra
 * route: served on the server's own port, under the sandbox's one rule for simulated user names, rate-limited
 * with the logins, and absent without the sandbox.
 */
class SandboxCodeRouteTest {
    private static final String SIMULATED_USER_RULE =
            "A simulated user name must be 1 to 64 letters, digits, '_', '-', '.' or '@'";

    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void aCodeFromTheRouteLogsInTheSameSimulatedUserAsTheSandboxsOwnWxLogin() {
        JsonNode viaRoute = loggedInUser(server.code("dana"));
        JsonNode direct = loggedInUser(server.wxLogin("dana"));

        assertThat(viaRoute.get("openid").asText()).isEqualTo(direct.get("openid").asText());
        assertThat(viaRoute.get("newUser").asBoolean()).isTrue();
    }

    @Test
    void theSandboxsAppIdMayBeNamedAndAnyOtherIs400() {
        String app = server.sandbox().miniPrograms().getFirst().appId().value();

        HttpResponse<String> named = codeFor("{\"user\":\"erin\",\"appId\":\"" + app + "\"}");
        assertThat(named.statusCode()).isEqualTo(200);
        assertThat(server.login(read(named.body()).get("code").asText()).statusCode()).isEqualTo(200);

        for (String appId : new String[]{"\"wxnotinthesandbox\"", "\"not an app id\"", "42"}) {
            HttpResponse<String> refused = codeFor("{\"user\":\"erin\",\"appId\":" + appId + "}");
            assertThat(refused.statusCode()).as(appId).isEqualTo(400);
            assertThat(problemCode(refused)).isEqualTo("bad_request");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "中文", "a-name-that-is-far-too-long-for-the-sandbox-to-accept-as-a-user-x"})
    void simulatedUserNamesFollowTheSandboxsOneRule(String name) {
        HttpResponse<String> refused = codeFor("{\"user\":\"" + name + "\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problemCode(refused)).isEqualTo("bad_request");
        assertThat(read(refused.body()).get("detail").asText()).isEqualTo(SIMULATED_USER_RULE);
    }

    @Test
    void codesCountAgainstTheLoginRateLimit(@TempDir Path data) {
        try (TestServer limited = TestServer.start(data, Map.of("WXLOGIN_RATE_LOGIN_PER_IP", "1"))) {
            String code = limited.code("frank");

            HttpResponse<String> login = limited.login(code);

            assertThat(login.statusCode()).isEqualTo(429);
            assertThat(problemCode(login)).isEqualTo("rate_limited");
        }
    }

    @Test
    void withoutTheSandboxThereIsNoSuchRoute(@TempDir Path data) {
        try (WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().build()).start();
             TestServer real = TestServer.start(data, Map.of(
                     "WXLOGIN_APP_ID", SandboxSettings.DEFAULT_APP.appId().value(),
                     "WXLOGIN_APP_SECRET", SandboxSettings.DEFAULT_APP.secret().value(),
                     "WXLOGIN_SANDBOX", "false",
                     "WXLOGIN_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                     "WXLOGIN_WECHAT_URL", wechat.baseUrl().toString()))) {
            HttpResponse<String> response = real.postJson("/sandbox/code", "{\"user\":\"alice\"}");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(problemCode(response)).isEqualTo("not_found");
        }
    }

    private static HttpResponse<String> codeFor(String body) {
        return server.postJson("/sandbox/code", body);
    }

    private static JsonNode loggedInUser(String code) {
        HttpResponse<String> login = server.login(code);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return read(login.body()).get("user");
    }
}

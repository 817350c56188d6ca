package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WXLOGIN_WECHAT_URL in WeChat mode: https, or plain http to this machine only. */
class RealWeChatConfigurationTest {
    private static final String SECRET = SandboxSettings.DEFAULT_APP.secret().value();

    @TempDir
    Path data;

    private static Map<String, String> wechatMode(String wechatUrl) {
        return new HashMap<>(Map.of(
                "WXLOGIN_APP_ID", SandboxSettings.DEFAULT_APP.appId().value(),
                "WXLOGIN_APP_SECRET", SECRET,
                "WXLOGIN_SANDBOX", "false",
                "WXLOGIN_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                "WXLOGIN_WECHAT_URL", wechatUrl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.weixin.qq.com", "http://wechat-proxy.internal:8081", "http://10.0.0.7",
            "http://[fd00::1]:8080"})
    void refusesToStartWithPlainHttpToAnotherMachine(String wechatUrl) {
        assertThatThrownBy(() -> TestServer.start(data, wechatMode(wechatUrl)).close())
                .isInstanceOf(InvalidConfiguration.class)
                .hasMessageContainingAll("WXLOGIN_WECHAT_URL", "https", "127.0.0.0/8")
                .message().doesNotContain(SECRET);
    }

    @Test
    void startsWithHttpsToWeChat() {
        try (TestServer server = TestServer.start(data, wechatMode("https://api.weixin.qq.com"))) {
            assertThat(server.server().describe()).contains("WeChat mode");
        }
    }

    @Test
    void logsInThroughPlainHttpToThisMachine() {
        try (WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().build()).start();
             TestServer server = TestServer.start(data,
                     wechatMode("http://localhost:" + wechat.baseUrl().getPort()))) {
            String code = wechat.wxLogin(wechat.miniPrograms().getFirst().appId(), "alice").value();

            assertThat(server.login(code).statusCode()).isEqualTo(200);
        }
    }
}

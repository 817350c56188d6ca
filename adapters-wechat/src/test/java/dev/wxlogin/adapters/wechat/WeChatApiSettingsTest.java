package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeChatApiSettingsTest {
    private static final MiniProgram APP = new MiniProgram(new AppId("wx0123456789abcdef"), new AppSecret("secret-1f2e3d"));

    @Test
    void defaultsToShortTimeoutsAndTwoRetries() {
        WeChatApiSettings settings = WeChatApiSettings.of(WeChatApiSettings.WECHAT_BASE_URL, List.of(APP));

        assertThat(settings.baseUrl()).hasToString("https://api.weixin.qq.com");
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.totalTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.retry().maxRetries()).isEqualTo(2);
        assertThat(settings.breaker()).isEqualTo(new WeChatApiSettings.Breaker(Duration.ofSeconds(30), 20, 50,
                Duration.ofSeconds(2), 50, Duration.ofSeconds(30), 5));
        assertThat(settings.bulkhead().maxConcurrentCalls()).isEqualTo(1000);
        assertThat(settings.toString()).doesNotContain(APP.secret().value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://api.weixin.qq.com", "/sns", "https://user:pw@api.weixin.qq.com",
            "https://api.weixin.qq.com?x=1", "https://api.weixin.qq.com#top"})
    void refusesABaseUrlTheQueryCannotBeAppendedTo(String baseUrl) {
        assertThatThrownBy(() -> WeChatApiSettings.of(URI.create(baseUrl), List.of(APP)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.weixin.qq.com", "http://wechat-proxy.internal:8081", "http://10.0.0.7",
            "http://128.0.0.1", "http://0177.0.0.1", "http://[fd00::1]", "http://[::2]",
            "http://localhost.example.com", "HTTP://api.weixin.qq.com"})
    void refusesPlainHttpToAnotherMachineNamingTheRule(String baseUrl) {
        URI url = URI.create(baseUrl);

        assertThat(WeChatApiSettings.baseUrlProblem(url)).hasValueSatisfying(problem ->
                assertThat(problem).contains("https", "127.0.0.0/8", "::1", "localhost"));
        assertThatThrownBy(() -> WeChatApiSettings.of(url, List.of(APP)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the base URL must be https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.weixin.qq.com", "https://wechat-proxy.internal:8443/wechat/",
            "http://127.0.0.1:8081", "http://127.255.0.9", "http://localhost:8081/fake", "http://LOCALHOST",
            "http://[::1]:8081", "http://[0:0:0:0:0:0:0:1]", "https://10.0.0.7"})
    void acceptsHttpsAnywhereAndPlainHttpToThisMachine(String baseUrl) {
        assertThat(WeChatApiSettings.baseUrlProblem(URI.create(baseUrl))).isEmpty();
        assertThat(WeChatApiSettings.of(URI.create(baseUrl), List.of(APP)).baseUrl()).hasToString(baseUrl);
    }

    @Test
    void refusesTheSameAppIdTwiceWithoutNamingItsSecrets() {
        MiniProgram again = new MiniProgram(APP.appId(), new AppSecret("other-secret-9a8b"));

        assertThatThrownBy(() -> WeChatApiSettings.of(WeChatApiSettings.WECHAT_BASE_URL, List.of(APP, again)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(APP.appId().value())
                .message().doesNotContain(APP.secret().value(), again.secret().value());
    }

    @ParameterizedTest
    @CsvSource({"PT0S, PT3S, PT5S", "PT1S, PT0S, PT5S", "PT1S, PT3S, PT0S", "PT1S, PT3S, -PT5S"})
    void refusesNonPositiveTimeouts(Duration connectTimeout, Duration requestTimeout, Duration totalTimeout) {
        assertThatThrownBy(() -> settings(connectTimeout, requestTimeout, totalTimeout))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
    }

    @Test
    void acceptsATotalTimeoutShorterThanTheRequestTimeout() {
        assertThat(settings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(2)).totalTimeout())
                .isEqualTo(Duration.ofSeconds(2));
    }

    private static WeChatApiSettings settings(Duration connectTimeout, Duration requestTimeout, Duration totalTimeout) {
        return new WeChatApiSettings(WeChatApiSettings.WECHAT_BASE_URL, List.of(APP), connectTimeout, requestTimeout,
                totalTimeout, WeChatApiSettings.Retry.DEFAULT, WeChatApiSettings.Breaker.DEFAULT,
                WeChatApiSettings.Bulkhead.DEFAULT);
    }

    @Test
    void refusesMoreThanTwoRetriesAndInvertedDelays() {
        assertThatThrownBy(() -> new WeChatApiSettings.Retry(3, Duration.ofMillis(1), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WeChatApiSettings.Retry(2, Duration.ofMillis(2), Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "PT0S,     20, 50,  PT2S, 50,  PT30S, 5",
            "PT1.5S,   20, 50,  PT2S, 50,  PT30S, 5",
            "PT1H1S,   20, 50,  PT2S, 50,  PT30S, 5",
            "PT30S,     0, 50,  PT2S, 50,  PT30S, 5",
            "PT30S,    20,  0,  PT2S, 50,  PT30S, 5",
            "PT30S,    20, 101, PT2S, 50,  PT30S, 5",
            "PT30S,    20, NaN, PT2S, 50,  PT30S, 5",
            "PT30S,    20, 50,  PT0S, 50,  PT30S, 5",
            "PT30S,    20, 50,  PT2S, 0,   PT30S, 5",
            "PT30S,    20, 50,  PT2S, 50,  PT0S,  5",
            "PT30S,    20, 50,  PT2S, 50,  PT30S, 0",
    })
    void refusesABreakerResilience4jCouldNotRun(Duration window, int minimumCalls, float failureRatePercent,
                                                Duration slowCallThreshold, float slowCallRatePercent,
                                                Duration openFor, int halfOpenCalls) {
        assertThatThrownBy(() -> new WeChatApiSettings.Breaker(window, minimumCalls, failureRatePercent,
                slowCallThreshold, slowCallRatePercent, openFor, halfOpenCalls))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesABulkheadThatAdmitsNoCall() {
        assertThatThrownBy(() -> new WeChatApiSettings.Bulkhead(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

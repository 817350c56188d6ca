package dev.wxlogin.adapters.rest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestSettingsTest {
    private static final RestSettings LOCAL = RestSettings.local(TestServer.APP_ID);

    @Test
    void localSettingsListenOnLoopbackWithTheDefaultLimits() {
        assertThat(LOCAL.host()).isEqualTo("127.0.0.1");
        assertThat(LOCAL.port()).isZero();
        assertThat(LOCAL.maxBodyBytes()).isEqualTo(16 * 1024);
        assertThat(LOCAL.maxRequestHeaderBytes()).isEqualTo(8 * 1024);
        assertThat(LOCAL.trustedProxies()).isEmpty();
        assertThat(LOCAL.rateLimits()).isEqualTo(new RateLimits(60, 500)).isEqualTo(RateLimits.DEFAULT);
    }

    @Test
    void trustedProxiesAreKeptInCanonicalForm() {
        assertThat(TestServer.localTrusting(List.of("::1", "010.0.0.1")).trustedProxies()).containsExactly("0:0:0:0:0:0:0:1", "10.0.0.1");
    }

    @Test
    void aProxyGivenByNameIsRefusedRatherThanResolved() {
        assertThatThrownBy(() -> TestServer.localTrusting(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RestSettings("0.0.0.0", 65_536, TestServer.APP_ID, 1, List.of(), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), RateLimits.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestSettings("0.0.0.0", 0, TestServer.APP_ID, 0, List.of(), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), RateLimits.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestSettings("0.0.0.0", 0, TestServer.APP_ID, 1, List.of(), 1,
                Duration.ZERO, Duration.ofSeconds(1), RateLimits.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateLimitsArePositiveOrZeroForNone() {
        assertThatCode(() -> new RateLimits(0, 0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new RateLimits(-1, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits(60, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestServer.local(List.of(), null)).isInstanceOf(NullPointerException.class);
    }
}

package dev.wxlogin.adapters.rest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
        assertThat(LOCAL.rateLimits()).isEqualTo(new RateLimits(60, 500, 600, 64)).isEqualTo(RateLimits.DEFAULT);
    }

    @Test
    void trustedProxiesAreKeptInCanonicalForm() {
        assertThat(TestServer.localTrusting(List.of("::1", "010.0.0.1")).trustedProxies()).containsExactly("0:0:0:0:0:0:0:1", "10.0.0.1");
    }

    @Test
    void trustedProxiesMayBeCidrBlocksNextToAddresses() {
        assertThat(TestServer.localTrusting(List.of("10.0.0.0/8", " 2001:db8::/32", "192.0.2.7", "192.0.2.8/32", "::ffff:172.16.0.0/12"))
                .trustedProxies())
                .containsExactly("10.0.0.0/8", "2001:db8:0:0:0:0:0:0/32", "192.0.2.7", "192.0.2.8", "172.16.0.0/12");
    }

    @Test
    void aProxyGivenByNameIsRefusedRatherThanResolved() {
        assertThatThrownBy(() -> TestServer.localTrusting(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'proxy.internal'");
    }

    /** Refused at start-up, with a message that names the entry. */
    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/0", "10.0.0.0/8/8", "10.0.0.0/x",
            "2001:db8::/129", "10.0.0.1/8", "2001:db8::1/32", "proxy.internal/24", "10.0.0.0/ 8", "10.0.0.1:8080"})
    void aBadTrustedProxyEntryIsRefusedByName(String entry) {
        assertThatThrownBy(() -> TestServer.localTrusting(List.of("10.0.0.2", entry)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("trusted proxy '" + entry.strip() + "'");
    }

    @Test
    void bitsAfterThePrefixAreRefusedWithTheBlockMeant() {
        assertThatThrownBy(() -> TestServer.localTrusting(List.of("10.1.2.3/8")))
                .hasMessage("trusted proxy '10.1.2.3/8' has bits set after its /8; the block starts at 10.0.0.0");
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RestSettings("0.0.0.0", 65_536, List.of(TestServer.APP_ID), 1, List.of(), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), RateLimits.DEFAULT,
                RequestAdmission.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestSettings("0.0.0.0", 0, List.of(TestServer.APP_ID), 0, List.of(), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), RateLimits.DEFAULT,
                RequestAdmission.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestSettings("0.0.0.0", 0, List.of(TestServer.APP_ID), 1, List.of(), 1,
                Duration.ZERO, Duration.ofSeconds(1), RateLimits.DEFAULT,
                RequestAdmission.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestSettings("0.0.0.0", 0, List.of(), 1, List.of(), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), RateLimits.DEFAULT,
                RequestAdmission.DEFAULT)).hasMessageContaining("apps");
    }

    @Test
    void rateLimitsArePositiveOrZeroForNone() {
        assertThatCode(() -> new RateLimits(0, 0, 0, 64)).doesNotThrowAnyException();
        assertThatThrownBy(() -> new RateLimits(-1, 500, 600, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits(60, -1, 600, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits(60, 500, -1, 64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestServer.local(List.of(), null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theIpv6PrefixMayBe32To128Bits() {
        assertThatCode(() -> new RateLimits(60, 500, 600, 32)).doesNotThrowAnyException();
        assertThatCode(() -> new RateLimits(60, 500, 600, 128)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {31, 129, 0, -64})
    void anotherIpv6PrefixIsRefused(int prefixLength) {
        assertThatThrownBy(() -> new RateLimits(60, 500, 600, prefixLength))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 to 128");
    }

    @Test
    void admissionNeedsRoomForOneRequestAndAPositiveWait() {
        assertThatCode(() -> new RequestAdmission(1, 0, Duration.ofMillis(1))).doesNotThrowAnyException();
        assertThatThrownBy(() -> new RequestAdmission(0, 10, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxActive");
        assertThatThrownBy(() -> new RequestAdmission(1, -1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWaiting");
        assertThatThrownBy(() -> new RequestAdmission(1, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxWait");
    }
}

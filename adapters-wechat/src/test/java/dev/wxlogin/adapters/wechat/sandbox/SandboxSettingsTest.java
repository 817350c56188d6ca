package dev.wxlogin.adapters.wechat.sandbox;

import dev.wxlogin.domain.app.AppSecret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxSettingsTest {
    @Test
    void defaultsMimicWeChat() {
        SandboxSettings settings = SandboxSettings.builder().build();

        assertThat(settings.port()).isZero();
        assertThat(settings.apps()).containsExactly(SandboxSettings.DEFAULT_APP);
        assertThat(settings.codeTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.sessionKeyRotationPeriod()).isZero();
        assertThat(settings.riskyUsers()).containsExactly("risky");
        assertThat(settings.contentType()).isEqualTo("text/plain");
        assertThat(settings.minuteQuotaPerOpenId()).isEqualTo(100);
    }

    @Test
    void givesEachBuiltSettingsItsOwnFaults() {
        assertThat(SandboxSettings.builder().build().faults()).isNotSameAs(SandboxSettings.builder().build().faults());
    }

    @Test
    void refusesSettingsThatCannotWork() {
        SandboxApp twin = new SandboxApp(SandboxSettings.DEFAULT_APP.appId(), new AppSecret("twin-secret"), false);

        assertThatThrownBy(() -> SandboxSettings.builder().apps(List.of()).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSettings.builder().apps(List.of(SandboxSettings.DEFAULT_APP, twin)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSettings.builder().port(70_000).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSettings.builder().codeTtl(Duration.ZERO).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxSettings.builder().minuteQuotaPerOpenId(0).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesFaultsOutOfRange() {
        SandboxFaults faults = new SandboxFaults();

        assertThatThrownBy(() -> faults.busyRate(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.busyRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.busyForNext(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}

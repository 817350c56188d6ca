package dev.wxlogin.domain.password;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.wxlogin.domain.password.FailureSubject.Kind.CLIENT;
import static dev.wxlogin.domain.password.FailureSubject.Kind.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureLimitsTest {
    private static final Instant LAST = Instant.parse("2026-01-01T00:00:00Z");
    private static final FailureLimits LIMITS = new FailureLimits(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15));

    private static Optional<Failures> failed(int times) {
        return Optional.of(new Failures(times, LAST));
    }

    @Test
    void belowTheLimitNothingIsLocked() {
        assertThat(LIMITS.lockedUntil(USERNAME, Optional.empty(), LAST)).isEmpty();
        assertThat(LIMITS.lockedUntil(USERNAME, failed(4), LAST)).isEmpty();
        assertThat(LIMITS.lockedUntil(CLIENT, failed(19), LAST)).isEmpty();
    }

    @Test
    void theFailureThatReachesTheLimitLocksForTheFirstLock() {
        assertThat(LIMITS.lockedUntil(USERNAME, failed(5), LAST)).contains(LAST.plusSeconds(60));
        assertThat(LIMITS.lockedUntil(CLIENT, failed(20), LAST)).contains(LAST.plusSeconds(60));
        assertThat(LIMITS.lockedUntil(USERNAME, failed(5), LAST.plusSeconds(59))).contains(LAST.plusSeconds(60));
    }

    @Test
    void aLockEndsWhenItsTimeIsUp() {
        assertThat(LIMITS.lockedUntil(USERNAME, failed(5), LAST.plusSeconds(60))).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToTheLongest() {
        assertThat(LIMITS.lockedUntil(USERNAME, failed(6), LAST)).contains(LAST.plusSeconds(120));
        assertThat(LIMITS.lockedUntil(USERNAME, failed(7), LAST)).contains(LAST.plusSeconds(240));
        assertThat(LIMITS.lockedUntil(USERNAME, failed(9), LAST)).contains(LAST.plusSeconds(900));
        assertThat(LIMITS.lockedUntil(USERNAME, failed(1_000), LAST)).contains(LAST.plusSeconds(900));
    }

    @Test
    void zeroTurnsALimitOff() {
        FailureLimits off = new FailureLimits(0, 0, Duration.ofMinutes(1), Duration.ofMinutes(1));

        assertThat(off.lockedUntil(USERNAME, failed(1_000), LAST)).isEmpty();
        assertThat(off.lockedUntil(CLIENT, failed(1_000), LAST)).isEmpty();
    }

    @Test
    void countsAreForgottenAfterADayOrTheLongestLockIfLonger() {
        assertThat(LIMITS.forgetAfter()).isEqualTo(Duration.ofDays(1));
        assertThat(LIMITS.forgetBefore(LAST)).isEqualTo(LAST.minus(Duration.ofDays(1)));
        assertThat(new FailureLimits(5, 20, Duration.ofMinutes(1), Duration.ofDays(2)).forgetAfter())
                .isEqualTo(Duration.ofDays(2));
        assertThat(new FailureLimits(5, 20, Duration.ofMinutes(1), Duration.ofDays(1)).forgetAfter())
                .isEqualTo(Duration.ofDays(1));
    }

    @Test
    void nonsenseLimitsAreRefused() {
        Duration minute = Duration.ofMinutes(1);
        assertThatThrownBy(() -> new FailureLimits(-1, 20, minute, minute)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureLimits(5, -1, minute, minute)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureLimits(5, 20, Duration.ZERO, minute)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureLimits(5, 20, minute, Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailureLimits(5, 20, null, minute)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new FailureLimits(5, 20, minute, null)).isInstanceOf(NullPointerException.class);
        assertThat(new FailureLimits(0, 0, minute, minute).perUsername()).isZero();
    }
}

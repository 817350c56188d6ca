package dev.wxlogin.domain.session;

import dev.wxlogin.domain.account.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy comes from the operator's configuration: a wrong value is refused with a message naming it. */
class SessionPolicyRulesTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void everyDurationMustBePositiveAndTheMessageSaysWhich() {
        assertThatThrownBy(() -> new SessionPolicy(Duration.ZERO, DAY, DevicePolicy.MULTIPLE, 5, MINUTE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("idle timeout must be positive");
        assertThatThrownBy(() -> new SessionPolicy(HOUR, Duration.ZERO, DevicePolicy.MULTIPLE, 5, MINUTE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("absolute lifetime must be positive");
        assertThatThrownBy(() -> new SessionPolicy(HOUR, DAY.negated(), DevicePolicy.MULTIPLE, 5, MINUTE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("absolute lifetime must be positive");
        assertThatThrownBy(() -> new SessionPolicy(HOUR, DAY, DevicePolicy.MULTIPLE, 5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("touch interval must be positive");
    }

    @Test
    void aMissingIdleTimeoutIsRefusedWithAMessageNotANullPointer() {
        assertThatThrownBy(() -> SessionPolicy.of(null, DAY, DevicePolicy.MULTIPLE, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("idle timeout must be positive");
    }

    /** The storage adapters' "live" rule (last seen after the cutoff) and {@link Session#problemAt} agree. */
    @Test
    void theIdleCutoffIsWhenASessionLastSeenThenIdlesOutNow() {
        SessionPolicy policy = SessionPolicy.DEFAULT;
        Instant now = Instant.parse("2026-05-01T12:00:00Z");
        Instant cutoff = policy.idleCutoff(now);
        Session lastSeenAtTheCutoff = Session.startWithPassword(SessionToken.generate().hash(), AccountId.random(),
                ClientInfo.unknown(), cutoff, policy);

        assertThat(cutoff).isEqualTo(now.minus(policy.idle()));
        assertThat(lastSeenAtTheCutoff.problemAt(now, policy)).isPresent();
        assertThat(lastSeenAtTheCutoff.problemAt(now.minusMillis(1), policy)).isEmpty();
    }
}

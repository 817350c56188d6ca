package dev.wxlogin.application;

import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Username;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The batch size bounds how many rows of each kind one call deletes (WXLOGIN_CLEANUP_BATCH). */
class SessionCleanupServiceTest {
    private final Fixture f = new Fixture();

    @Test
    void aBatchOfOneDeletesOneExpiredSessionAndOneExpiredCodePerCall() {
        for (int i = 0; i < 3; i++) {
            f.logIn("o-user" + i);
        }
        f.clock.advance(f.policy.idle());
        SessionCleanupService cleanup = new SessionCleanupService(f.sessions, f.codes, f.loginFailures, f.policy, Fixture.FAILURE_LIMITS, 1, f.clock);

        List<Integer> batches = new ArrayList<>();
        for (int batch; (batch = cleanup.removeExpiredBatch()) > 0; ) {
            batches.add(batch);
        }

        assertThat(batches).containsExactly(2, 2, 2);
        assertThat(f.sessions.count()).isZero();
    }

    @Test
    void aBatchAlsoDeletesCountsOfFailedPasswordLoginsOnceTheyAreForgotten() {
        f.loginFailures.recordFailure(FailureSubject.of(new Username("forgotten")), f.clock.instant(), f.clock.instant());
        f.clock.advance(Duration.ofDays(1));
        f.loginFailures.recordFailure(FailureSubject.of(new Username("recent")), f.clock.instant(), f.clock.instant());
        f.clock.advance(Duration.ofSeconds(1));
        SessionCleanupService cleanup = new SessionCleanupService(f.sessions, f.codes, f.loginFailures, f.policy,
                Fixture.FAILURE_LIMITS, 10, f.clock);

        assertThat(cleanup.removeExpiredBatch()).isEqualTo(1);
        assertThat(f.loginFailures.failuresOf(FailureSubject.of(new Username("recent")))).isPresent();
    }

    @Test
    void aBatchOfNothingIsRefused() {
        assertThatThrownBy(() -> new SessionCleanupService(f.sessions, f.codes, f.loginFailures, f.policy, Fixture.FAILURE_LIMITS, 0, f.clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size must be at least 1");
    }
}

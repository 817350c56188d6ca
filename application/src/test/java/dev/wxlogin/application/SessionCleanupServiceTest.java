package dev.wxlogin.application;

import org.junit.jupiter.api.Test;

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
        SessionCleanupService cleanup = new SessionCleanupService(f.sessions, f.codes, f.policy, 1, f.clock);

        List<Integer> batches = new ArrayList<>();
        for (int batch; (batch = cleanup.removeExpiredBatch()) > 0; ) {
            batches.add(batch);
        }

        assertThat(batches).containsExactly(2, 2, 2);
        assertThat(f.sessions.count()).isZero();
    }

    @Test
    void aBatchOfNothingIsRefused() {
        assertThatThrownBy(() -> new SessionCleanupService(f.sessions, f.codes, f.policy, 0, f.clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch size must be at least 1");
    }
}

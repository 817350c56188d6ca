package dev.wxlogin.application;

import dev.wxlogin.domain.password.FailureLimits;
import dev.wxlogin.domain.port.in.ForCleaningUpSessions;
import dev.wxlogin.domain.port.out.ForCountingLoginFailures;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.SessionPolicy;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes rows that can never matter again (expired sessions and code claims, forgotten counts of failed password
 * logins), one bounded batch of each per call, so it never holds many locks
 * and several instances can run it at the same time. Correctness never depends on it: expiry is judged
 * on every read.
 */
public final class SessionCleanupService implements ForCleaningUpSessions {
    private final ForStoringSessions sessions;
    private final ForRememberingExchangedCodes exchangedCodes;
    private final ForCountingLoginFailures loginFailures;
    private final SessionPolicy policy;
    private final FailureLimits failureLimits;
    private final int batchSize;
    private final Clock clock;

    public SessionCleanupService(ForStoringSessions sessions, ForRememberingExchangedCodes exchangedCodes,
                                 ForCountingLoginFailures loginFailures, SessionPolicy policy,
                                 FailureLimits failureLimits, int batchSize, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.sessions = sessions;
        this.exchangedCodes = exchangedCodes;
        this.loginFailures = loginFailures;
        this.policy = policy;
        this.failureLimits = failureLimits;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public int removeExpiredBatch() {
        Instant now = clock.instant();
        return sessions.deleteExpired(now, policy.idleCutoff(now), batchSize)
                + exchangedCodes.deleteExpired(now, batchSize)
                + loginFailures.deleteForgotten(failureLimits.forgetBefore(now), batchSize);
    }
}

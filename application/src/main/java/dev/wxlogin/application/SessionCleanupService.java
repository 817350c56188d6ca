package dev.wxlogin.application;

import dev.wxlogin.domain.port.in.ForCleaningUpSessions;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.SessionPolicy;

import java.time.Clock;
import java.time.Instant;

/**
 * Deletes rows that can never matter again, one bounded batch per call, so it never holds many locks
 * and several instances can run it at the same time. Correctness never depends on it: expiry is judged
 * on every read.
 */
public final class SessionCleanupService implements ForCleaningUpSessions {
    private final ForStoringSessions sessions;
    private final ForRememberingExchangedCodes exchangedCodes;
    private final SessionPolicy policy;
    private final int batchSize;
    private final Clock clock;

    public SessionCleanupService(ForStoringSessions sessions, ForRememberingExchangedCodes exchangedCodes,
                                 SessionPolicy policy, int batchSize, Clock clock) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        this.sessions = sessions;
        this.exchangedCodes = exchangedCodes;
        this.policy = policy;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    @Override
    public int removeExpiredBatch() {
        Instant now = clock.instant();
        return sessions.deleteExpired(now, policy.idleCutoff(now), batchSize)
                + exchangedCodes.deleteExpired(now, batchSize);
    }
}

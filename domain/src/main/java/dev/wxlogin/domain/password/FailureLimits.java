package dev.wxlogin.domain.password;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many failed password logins a subject may have before it is locked, and for how long. The
 * {@code perUsername}th failure of a name (the {@code perClient}th of a client address) locks it for
 * {@code firstLock}; each further failure after a lock has run out doubles the lock, up to {@code maxLock}
 * (ASVS 6.3.1). A subject without a failure for {@link #forgetAfter()} starts again from nothing; 0 turns a limit off.
 */
public record FailureLimits(int perUsername, int perClient, Duration firstLock, Duration maxLock) {
    /** At least a day, so that a slow guesser who waits out every lock still finds the counter where they left it. */
    private static final Duration MIN_MEMORY = Duration.ofDays(1);
    /** 2^30 times the first lock is beyond any sensible maximum; the cap keeps the shift from overflowing. */
    private static final int MAX_DOUBLINGS = 30;

    public FailureLimits {
        Objects.requireNonNull(firstLock, "firstLock");
        Objects.requireNonNull(maxLock, "maxLock");
        if (perUsername < 0 || perClient < 0) {
            throw new IllegalArgumentException("failure limits must not be negative");
        }
        if (!firstLock.isPositive() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("the first lock must be positive and at most the longest lock");
        }
    }

    /** Until when the subject is locked, given its failures, or empty if it is not locked at {@code now}. */
    public Optional<Instant> lockedUntil(FailureSubject.Kind kind, Optional<Failures> failures, Instant now) {
        int limit = kind == FailureSubject.Kind.USERNAME ? perUsername : perClient;
        return failures
                .filter(counted -> limit > 0 && counted.count() >= limit)
                .map(counted -> counted.lastFailedAt().plus(lockAfter(counted.count() - limit)))
                .filter(now::isBefore);
    }

    /** Failures last counted before this instant are forgotten. */
    public Instant forgetBefore(Instant now) {
        return now.minus(forgetAfter());
    }

    public Duration forgetAfter() {
        return maxLock.compareTo(MIN_MEMORY) > 0 ? maxLock : MIN_MEMORY;
    }

    private Duration lockAfter(int failuresBeyondTheLimit) {
        Duration lock = firstLock.multipliedBy(1L << Math.min(failuresBeyondTheLimit, MAX_DOUBLINGS));
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }
}

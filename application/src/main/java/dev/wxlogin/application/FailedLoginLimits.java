package dev.wxlogin.application;

import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.password.FailureLimits;
import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.out.ForCountingLoginFailures;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed password logins per account name and per client address, counted in storage that every instance shares.
 * A locked name or address is refused before its password is even hashed. A success resets the name's count but
 * not the address's: a guesser who owns one account must not be able to wipe the count of their guesses at others.
 */
final class FailedLoginLimits {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForCountingLoginFailures failures;
    private final FailureLimits limits;
    private final Clock clock;

    FailedLoginLimits(ForCountingLoginFailures failures, FailureLimits limits, Clock clock) {
        this.failures = failures;
        this.limits = limits;
        this.clock = clock;
    }

    /** Refuses with {@code TOO_MANY_FAILURES}, and the longer of the two waits, if the name or the address is locked. */
    void refuseIfLocked(Username username, String clientIp) {
        Instant now = clock.instant();
        Optional<Instant> until = later(lockOf(FailureSubject.of(username), now), clientOf(clientIp)
                .flatMap(client -> lockOf(client, now)));
        if (until.isPresent()) {
            EVENTS.log(Level.INFO, "password login refused reason=too_many_failures");
            throw CredentialsRejected.tooManyFailures(Duration.between(now, until.get()));
        }
    }

    void failed(Username username, String clientIp) {
        Instant now = clock.instant();
        Instant forgetBefore = limits.forgetBefore(now);
        failures.recordFailure(FailureSubject.of(username), now, forgetBefore);
        clientOf(clientIp).ifPresent(client -> failures.recordFailure(client, now, forgetBefore));
    }

    void succeeded(Username username) {
        failures.reset(FailureSubject.of(username));
    }

    private Optional<Instant> lockOf(FailureSubject subject, Instant now) {
        return limits.lockedUntil(subject.kind(), failures.failuresOf(subject), now);
    }

    /** An unknown address (no proxy header, say) is not one client, and is not counted as one. */
    private static Optional<FailureSubject> clientOf(String clientIp) {
        return Optional.ofNullable(clientIp).map(FailureSubject::ofClient);
    }

    private static Optional<Instant> later(Optional<Instant> one, Optional<Instant> other) {
        if (one.isEmpty()) {
            return other;
        }
        return other.filter(o -> o.isAfter(one.get())).or(() -> one);
    }
}

package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Failures;

import java.time.Instant;
import java.util.Optional;

/**
 * Failed password logins per subject (an account name, a client address), shared by every instance. Each method
 * commits on its own, whatever transaction the caller has open: a failure must count even when the request that
 * saw it fails afterwards.
 */
public interface ForCountingLoginFailures {
    /** The subject's failures, or empty if none are counted. */
    Optional<Failures> failuresOf(FailureSubject subject);

    /**
     * Counts one failure at {@code now}: exactly one, however many instances count failures of the subject at the
     * same moment. A count whose last failure is before {@code forgetBefore} starts again from one.
     */
    void recordFailure(FailureSubject subject, Instant now, Instant forgetBefore);

    /** Forgets the subject's failures (a successful login). */
    void reset(FailureSubject subject);

    /** Deletes at most {@code limit} counts whose last failure is before {@code forgetBefore}; returns how many. */
    int deleteForgotten(Instant forgetBefore, int limit);
}

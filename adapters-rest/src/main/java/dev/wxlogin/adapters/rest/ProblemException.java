package dev.wxlogin.adapters.rest;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the adapter refuses before any port is called (wrong media type, oversized or garbled body, over
 * a rate limit).
 */
final class ProblemException extends RuntimeException {
    private final transient Problem problem;
    private final Duration retryAfter;

    /** With the type's own detail. */
    ProblemException(ProblemType type) {
        this(type, type.problem().detail(), null);
    }

    ProblemException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    /** @param retryAfter how long until trying again may succeed; null when that is not the point */
    ProblemException(ProblemType type, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.problem = type.problem(detail);
        this.retryAfter = retryAfter;
    }

    Problem problem() {
        return problem;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

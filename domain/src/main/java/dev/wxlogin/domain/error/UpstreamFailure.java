package dev.wxlogin.domain.error;

import java.time.Duration;
import java.util.Optional;

/** WeChat could not serve us. Not the user's fault; the kind says whether and when to try again. */
public final class UpstreamFailure extends DomainException {
    public enum Kind {
        /** WeChat answered -1 (system busy), also after our retries. */
        BUSY,
        /** WeChat's per-user minute quota (45011). */
        RATE_LIMITED,
        /** Unreachable, timed out, answered garbage, or our circuit breaker is open. */
        UNAVAILABLE,
        /** Our own configuration is wrong: bad AppID or AppSecret (40013, 40125, ...). */
        MISCONFIGURED
    }

    private final Kind kind;
    private final Duration retryAfter;

    public UpstreamFailure(Kind kind, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public UpstreamFailure(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

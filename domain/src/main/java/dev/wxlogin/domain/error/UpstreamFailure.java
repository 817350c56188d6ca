package dev.wxlogin.domain.error;

import java.time.Duration;
import java.util.Optional;

/** WeChat could not serve us. Not the user's fault; the kind says whether and when to try again. */
public final class UpstreamFailure extends DomainException {
    public enum Kind {
        /** WeChat answered -1 (system busy), also after our retries; or too many calls to WeChat are in flight. */
        BUSY,
        /** WeChat's per-user minute quota (45011). */
        RATE_LIMITED,
        /** Unreachable, timed out, answered garbage, or our circuit breaker is open. */
        UNAVAILABLE,
        /** Our own configuration is wrong: bad AppID or AppSecret (40013, 40125, ...). */
        MISCONFIGURED,
        /** WeChat refused the request with an errcode we do not know: a failed request, not a sign of an outage. */
        REFUSED
    }

    private final Kind kind;
    private final Duration retryAfter;
    private final boolean codeUnspent;

    /**
     * @param codeUnspent whether WeChat certainly did not consume the login code, so the client may try it
     *                    again; false when the request may have reached WeChat without an answer
     */
    public UpstreamFailure(Kind kind, String message, Duration retryAfter, boolean codeUnspent) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.codeUnspent = codeUnspent;
    }

    /**
     * WeChat answered busy, quota or credentials, so it did not take the code. UNAVAILABLE may have, and so may
     * a REFUSED: nobody knows what an errcode we do not know did with the code.
     */
    public UpstreamFailure(Kind kind, String message, Duration retryAfter) {
        this(kind, message, retryAfter, kind != Kind.UNAVAILABLE && kind != Kind.REFUSED);
    }

    public Kind kind() {
        return kind;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean codeUnspent() {
        return codeUnspent;
    }
}

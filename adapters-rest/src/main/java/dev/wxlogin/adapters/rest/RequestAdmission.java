package dev.wxlogin.adapters.rest;

import java.time.Duration;
import java.util.Objects;

/**
 * How many requests a listener works on at once. Beyond {@code maxActive} a request waits, holding no thread, for
 * one to finish; one that waits {@code maxWait}, or arrives while {@code maxWaiting} others wait, gets 503
 * {@code unavailable} with a {@code Retry-After}. {@code /health} and {@code /ready} are never held back, so that
 * probes see an instance that is busy, not dead.
 *
 * <p>Why: every request works on a virtual thread of its own, and a login holds one, its WeChat call and its
 * database work for as long as WeChat takes. Without a bound, 1,024 connections with WeChat at 50 ms ran a 128 MiB
 * heap out of memory; with one, the same load waits in line and is answered (docs/benchmarks.md).
 *
 * @param maxActive  requests worked on at once, at least 1
 * @param maxWaiting requests waiting at most for their turn; 0 answers 503 at once beyond {@code maxActive}
 * @param maxWait    how long a request waits for its turn before it is answered 503
 */
public record RequestAdmission(int maxActive, int maxWaiting, Duration maxWait) {
    /** 256 at once (so that 256 connections never wait), 4,096 waiting, for at most 10 seconds. */
    public static final RequestAdmission DEFAULT = new RequestAdmission(256, 4096, Duration.ofSeconds(10));

    public RequestAdmission {
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive must be at least 1");
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("maxWaiting must not be negative");
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive");
        }
    }
}

package dev.wxlogin.adapters.rest;

/**
 * How many logins {@link RestApi} lets through: {@code POST /api/v1/login} and every {@link ExtraRoute} (such
 * as the sandbox's {@code POST /sandbox/code}) together, counted before the body is read. Beyond a limit it
 * answers 429 {@code rate_limited} with a {@code Retry-After}, and calls no port. 0 turns a limit off.
 *
 * @param perIpPerMinute  per client IP (the peer, or what {@link RestSettings#trustedProxies()} say it is):
 *                        a burst of this many, then one every 60/n seconds as the bucket refills evenly
 * @param globalPerSecond all clients together, refilled evenly over each second: what protects WeChat's
 *                        quota and the database from many addresses at once
 */
public record RateLimits(long perIpPerMinute, long globalPerSecond) {
    /** 60 a minute per IP, and 500 a second in all. */
    public static final RateLimits DEFAULT = new RateLimits(60, 500);

    public RateLimits {
        if (perIpPerMinute < 0 || globalPerSecond < 0) {
            throw new IllegalArgumentException("rate limits must be positive, or 0 for none");
        }
    }
}

package dev.wxlogin.adapters.rest;

/**
 * How many requests {@link RestApi} lets through, counted per client before the body is read. Beyond a limit it
 * answers 429 {@code rate_limited} with a {@code Retry-After}, and calls no port. 0 turns a limit off.
 *
 * <p>A client is its IP address (the peer, or what {@link RestSettings#trustedProxies()} say it is), and for
 * IPv6 its network of {@code ipv6PrefixLength} bits. Per-client limits are a burst of n, then one every 60/n
 * seconds as the bucket refills evenly.
 *
 * @param perIpPerMinute    logins per client: {@code POST /api/v1/login} and every {@link ExtraRoute} (such as
 *                          the sandbox's {@code POST /sandbox/code}) together
 * @param globalPerSecond   logins of all clients together, refilled evenly over each second: what protects
 *                          WeChat's quota and the database from many addresses at once
 * @param apiPerIpPerMinute requests per client to any {@code /api/v1} route, logins included, independent of
 *                          the login limits: bounds the database work anyone can cause, signed in or not
 * @param ipv6PrefixLength  how many leading bits of an IPv6 address make one client, 32 to 128
 */
public record RateLimits(long perIpPerMinute, long globalPerSecond, long apiPerIpPerMinute, int ipv6PrefixLength) {
    /** 60 logins a minute per client and 500 a second in all; 600 API calls a minute per client; IPv6 by /64. */
    public static final RateLimits DEFAULT = new RateLimits(60, 500, 600, 64);

    public RateLimits {
        if (perIpPerMinute < 0 || globalPerSecond < 0 || apiPerIpPerMinute < 0) {
            throw new IllegalArgumentException("rate limits must be positive, or 0 for none");
        }
        if (ipv6PrefixLength < 32 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException("the IPv6 prefix length must be 32 to 128");
        }
    }
}

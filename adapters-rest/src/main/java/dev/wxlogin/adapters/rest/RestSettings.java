package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how {@link RestApi} listens.
 *
 * @param host                  the interface to bind: {@code 0.0.0.0} for all, {@code 127.0.0.1} for local use
 * @param port                  the TCP port; 0 picks a free one (see {@link RestApi#port()})
 * @param apps                  the mini programs a login may name; while there is one, a login that names none is
 *                              for it
 * @param maxBodyBytes          the largest request body accepted; larger ones get 413
 * @param trustedProxies        IP addresses and CIDR blocks ({@code 10.0.0.0/8}; literals, no host names; kept
 *                              in canonical form) of reverse proxies whose {@code X-Forwarded-For} is believed;
 *                              empty: the peer is the client
 * @param maxRequestHeaderBytes the largest request line plus headers; larger ones get 431
 * @param idleTimeout           how long the server waits on a silent connection: a keep-alive connection
 *                              between requests, or a slow client sending its request or reading the answer
 * @param stopTimeout           how long {@link RestApi#stop()} waits for requests in flight
 * @param rateLimits            how many logins and API calls per client, and logins in all;
 *                              {@link RateLimits#DEFAULT} unless tuned
 * @param admission             how many requests are worked on at once, and how many may wait and how long;
 *                              {@link RequestAdmission#DEFAULT} unless tuned
 */
public record RestSettings(String host, int port, List<AppId> apps, int maxBodyBytes, List<String> trustedProxies,
                           int maxRequestHeaderBytes, Duration idleTimeout, Duration stopTimeout,
                           RateLimits rateLimits, RequestAdmission admission) {
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_REQUEST_HEADER_BYTES = 8 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(10);

    public RestSettings {
        Objects.requireNonNull(host, "host");
        apps = List.copyOf(apps);
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("apps must name at least one mini program");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        if (maxBodyBytes < 1 || maxRequestHeaderBytes < 1) {
            throw new IllegalArgumentException("size limits must be positive");
        }
        trustedProxies = trustedProxies.stream().map(RestSettings::trustedProxy).toList();
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(stopTimeout, "stopTimeout");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(admission, "admission");
    }

    /** Loopback, a free port, the default limits (rate limits and admission too) and no proxies: a local server, or one in a test. */
    public static RestSettings local(AppId app) {
        return new RestSettings("127.0.0.1", 0, List.of(app), DEFAULT_MAX_BODY_BYTES, List.of(),
                DEFAULT_MAX_REQUEST_HEADER_BYTES, DEFAULT_IDLE_TIMEOUT, DEFAULT_STOP_TIMEOUT, RateLimits.DEFAULT,
                RequestAdmission.DEFAULT);
    }

    private static String trustedProxy(String entry) {
        try {
            return IpRange.parse(entry).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("trusted proxy " + e.getMessage(), e);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

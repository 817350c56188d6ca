package dev.wxlogin.application;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the access_token service lets one refresh take and waits for another instance's.
 *
 * @param lease how long a refresher holds the AppID's lease: longer than the WeChat calls one refresh makes (a
 *              stable_token call and, if it answers the rejected token, a forced one, each within the client's
 *              5 s total timeout), so a live refresher never loses it; a dead one's lapses after this long
 * @param poll  how often a caller looks whether another instance's refresh has landed
 * @param polls how many times it looks before it gives up with 503 {@code upstream_unavailable}
 */
public record AccessTokenTiming(Duration lease, Duration poll, int polls) {
    public static final AccessTokenTiming DEFAULT = new AccessTokenTiming(Duration.ofSeconds(15), Duration.ofMillis(100), 60);

    public AccessTokenTiming {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(poll, "poll");
    }
}

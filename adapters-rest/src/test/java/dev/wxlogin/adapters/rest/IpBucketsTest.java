package dev.wxlogin.adapters.rest;

import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** An attacker spraying addresses cannot grow the per-IP buckets without bound. */
class IpBucketsTest {
    private final IpBuckets buckets = new IpBuckets(
            () -> Bucket.builder().addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofMinutes(1))).build());

    @Test
    void sprayingAddressesKeepsAtMostTheBound() {
        for (int i = 0; i < IpBuckets.MAX_IPS * 2 + 1; i++) {
            buckets.of(address(i));
        }

        assertThat(buckets.size()).isEqualTo(IpBuckets.MAX_IPS);
    }

    @Test
    void theLeastRecentlySeenAddressIsForgottenFirst() {
        Bucket active = buckets.of("198.51.100.1");
        Bucket idle = buckets.of("198.51.100.2");
        for (int i = 0; i < IpBuckets.MAX_IPS - 2; i++) {
            buckets.of(address(i));
        }

        assertThat(buckets.of("198.51.100.1")).isSameAs(active); // seen again: now the most recent
        buckets.of(address(IpBuckets.MAX_IPS)); // one more address: the idle one goes

        assertThat(buckets.of("198.51.100.1")).isSameAs(active);
        assertThat(buckets.of("198.51.100.2")).isNotSameAs(idle);
    }

    private static String address(int i) {
        return "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
    }
}

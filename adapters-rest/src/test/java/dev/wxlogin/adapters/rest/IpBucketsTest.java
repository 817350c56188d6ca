package dev.wxlogin.adapters.rest;

import io.github.bucket4j.Bucket;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attacker spraying addresses can neither grow the per-client buckets without bound nor, by pushing other
 * clients out, lift their limits. Buckets of 60 a minute refill one token a second.
 */
class IpBucketsTest {
    private static final int MAX_KEYS = 10;
    private final ManualTime time = new ManualTime();
    private final IpBuckets buckets = new IpBuckets(60, Duration.ofMinutes(1), time, MAX_KEYS);

    @Test
    void sprayingAddressesKeepsAtMostTheBound() {
        for (int i = 0; i < 1000; i++) {
            buckets.of(address(i)).tryConsume(1);
            time.advance(Duration.ofMillis(100));
        }

        assertThat(buckets.size()).isEqualTo(MAX_KEYS);
    }

    @Test
    void aFloodOfNewKeysCannotPushOutAClientBeingLimited() {
        Bucket limited = buckets.of("198.51.100.1");
        assertThat(limited.tryConsume(50)).isTrue();

        for (int i = 0; i < 10_000; i++) { // every request from a fresh address, as fast as it likes
            buckets.of(address(i)).tryConsume(1);
        }

        assertThat(buckets.of("198.51.100.1")).isSameAs(limited);
        assertThat(limited.getAvailableTokens()).isEqualTo(10);
    }

    @Test
    void aSlowerFloodStillCannotPushItOut() {
        Bucket limited = buckets.of("198.51.100.1");
        assertThat(limited.tryConsume(60)).isTrue();

        for (int i = 0; i < 10_000; i++) { // the sprayer's buckets refill in a second, so they can be forgotten
            buckets.of(address(i)).tryConsume(1);
            time.advance(Duration.ofMillis(5));
        }

        assertThat(buckets.of("198.51.100.1")).as("50 s later, still 10 tokens short").isSameAs(limited);
        assertThat(limited.getAvailableTokens()).isEqualTo(50);
        assertThat(buckets.size()).isEqualTo(MAX_KEYS);
    }

    @Test
    void aRefilledBucketIsForgottenToMakeRoomAndTheNewKeyGetsItsOwn() {
        for (int i = 0; i < MAX_KEYS; i++) {
            buckets.of(address(i)).tryConsume(1);
        }
        time.advance(Duration.ofSeconds(1)); // every one of them full again

        Bucket newcomer = buckets.of("198.51.100.1");

        assertThat(buckets.of("198.51.100.1")).isSameAs(newcomer);
        assertThat(buckets.size()).isEqualTo(MAX_KEYS);
    }

    @Test
    void whenNoBucketCanBeForgottenNewKeysShareOneOverflowBucket() {
        for (int i = 0; i < MAX_KEYS; i++) {
            buckets.of(address(i)).tryConsume(1);
        }

        Bucket first = buckets.of("198.51.100.1");
        Bucket second = buckets.of("198.51.100.2");

        assertThat(second).isSameAs(first);
        assertThat(first.tryConsume(60)).isTrue();
        assertThat(buckets.of("198.51.100.3").tryConsume(1)).as("the sprayer's keys buy one budget, not one each").isFalse();
        assertThat(buckets.size()).isEqualTo(MAX_KEYS);
    }

    @Test
    void theLeastRecentlySeenOfTheRefilledBucketsIsForgottenFirst() {
        Bucket active = buckets.of("198.51.100.1");
        Bucket idle = buckets.of("198.51.100.2");
        for (int i = 0; i < MAX_KEYS - 2; i++) {
            buckets.of(address(i));
        }

        assertThat(buckets.of("198.51.100.1")).isSameAs(active); // seen again: now the most recent
        buckets.of(address(MAX_KEYS)); // one more address: the idle one goes

        assertThat(buckets.of("198.51.100.1")).isSameAs(active);
        assertThat(buckets.of("198.51.100.2")).isNotSameAs(idle);
    }

    private static String address(int i) {
        return "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
    }
}

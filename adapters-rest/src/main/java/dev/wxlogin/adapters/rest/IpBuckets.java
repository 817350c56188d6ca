package dev.wxlogin.adapters.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One token bucket per client key (see {@link ClientKeys}), for at most {@code maxKeys} keys, so that an attacker
 * spraying addresses cannot grow memory without bound. An entry costs a few hundred bytes, so the default bound
 * is some tens of MB.
 *
 * <p>What may be forgotten to make room is the heart of it. Forgetting a key resets its limit, so forgetting
 * by age alone (least recently used) would let a sprayer with more fresh keys than the bound push out every
 * other client, including the ones being limited right now, and so lift their limits. Here only a bucket that
 * has refilled completely is forgotten: a new bucket would be full too, so forgetting it changes nothing for
 * anyone. A sprayer's buckets refill fastest (each took one token), a limited client's slowest. When no bucket
 * can be forgotten, a new key gets no bucket of its own but shares one overflow bucket with every other key in
 * that situation: during such a flood new clients may be refused, but no existing client's limit is lifted, and
 * the sprayer's fresh keys buy it one shared budget rather than one each.
 *
 * <p>Finding a refilled bucket looks at a few of the least recently used ones, which are the likeliest to have
 * refilled, and moves those still refilling to the back, so the next search looks at others: bounded work per
 * new key, whatever the map holds. Known keys are found in constant time.
 */
final class IpBuckets {
    static final int DEFAULT_MAX_KEYS = 100_000;
    private static final int SEARCHED_PER_NEW_KEY = 8;

    private final long capacity;
    private final Duration refillPeriod;
    private final TimeMeter time;
    private final int maxKeys;
    private final Bucket overflow;
    // The lock guards only map operations and lock-free bucket reads, never anything that blocks, and parks
    // rather than pins a virtual thread; taking tokens happens outside it.
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true);

    /** Buckets of {@code capacity} tokens that refill evenly over {@code refillPeriod}. */
    IpBuckets(long capacity, Duration refillPeriod, TimeMeter time, int maxKeys) {
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.time = time;
        this.maxKeys = maxKeys;
        this.overflow = evenlyRefilled(capacity, refillPeriod, time);
    }

    Bucket of(String key) {
        lock.lock();
        try {
            Bucket known = buckets.get(key);
            if (known != null) {
                return known;
            }
            if (buckets.size() >= maxKeys && !forgetARefilledBucket()) {
                return overflow;
            }
            Bucket fresh = evenlyRefilled(capacity, refillPeriod, time);
            buckets.put(key, fresh);
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return buckets.size();
        } finally {
            lock.unlock();
        }
    }

    private boolean forgetARefilledBucket() {
        List<String> refilling = new ArrayList<>(SEARCHED_PER_NEW_KEY);
        boolean forgot = false;
        Iterator<Map.Entry<String, Bucket>> eldest = buckets.entrySet().iterator();
        while (!forgot && refilling.size() < SEARCHED_PER_NEW_KEY && eldest.hasNext()) {
            Map.Entry<String, Bucket> entry = eldest.next();
            if (entry.getValue().getAvailableTokens() >= capacity) {
                eldest.remove();
                forgot = true;
            } else {
                refilling.add(entry.getKey());
            }
        }
        refilling.forEach(buckets::get); // in access order, a look-up moves a key to the back
        return forgot;
    }

    static Bucket evenlyRefilled(long capacity, Duration refillPeriod, TimeMeter time) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build())
                .withCustomTimePrecision(time)
                .build();
    }
}

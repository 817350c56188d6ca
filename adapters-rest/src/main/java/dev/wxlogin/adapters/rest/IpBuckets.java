package dev.wxlogin.adapters.rest;

import io.github.bucket4j.Bucket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One token bucket per client IP, for the {@link #MAX_IPS} most recently seen addresses.
 *
 * <p>Bounded by least-recent use rather than by expiring idle buckets: an attacker spraying addresses fills
 * an expiring map faster than any sweep empties it, while this bound holds at any rate and needs no
 * background thread. Forgetting an IP only forgives it: it starts again with a full bucket, which it would
 * have had anyway after a minute idle. An IP is forgotten once {@code MAX_IPS} others have been seen since its
 * last request, and what a sprayer gains from that the global limit still caps. An entry costs a few hundred
 * bytes, so the bound is some tens of MB.
 */
final class IpBuckets {
    static final int MAX_IPS = 100_000;

    private final Supplier<Bucket> newBucket;
    // The lock guards only map operations, never anything that blocks, and parks rather than pins a virtual
    // thread; the buckets themselves are lock-free and are used outside it.
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_IPS;
        }
    };

    IpBuckets(Supplier<Bucket> newBucket) {
        this.newBucket = newBucket;
    }

    Bucket of(String ip) {
        lock.lock();
        try {
            return buckets.computeIfAbsent(ip, unseen -> newBucket.get());
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
}

package dev.wxlogin.adapters.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Reads that every authenticated request makes, kept where this process is its database's one user
 * ({@link RowChanges}): each for at most {@link #LIFETIME}, and none any longer once a write that changed one of its
 * rows has committed, so a logout is refused by the very next request. A read in a transaction goes to the database
 * and keeps nothing: it must see the transaction's own writes. Absent rows are not kept, so
 * unknown keys fill nothing. On other databases every read goes to the database.
 *
 * @param <K> what the row is found by
 * @param <V> what is read
 */
final class CachedReads<K, V> {
    /** security.md: a per-instance cache keeps nothing longer than 5 s, whatever else evicts from it. */
    static final Duration LIFETIME = Duration.ofSeconds(5);
    /**
     * Reads kept at once (the first requests after a start) would be read again at once, every 5 s, and queue behind
     * each other: each is kept a random time between LIFETIME - SPREAD and LIFETIME instead.
     */
    static final Duration SPREAD = Duration.ofSeconds(1);
    /** Bounds the heap they take: the benchmark's resident memory did not move with them (docs/benchmarks.md). */
    static final int MAX_KEPT = 4_096;

    private final RowChanges changes;
    private final BiFunction<K, V, List<String>> rowsOf;
    private final Cache<K, Kept<V>> kept;

    /** @param rowsOf the keys of every row a value was read from, as writes name them to {@link RowChanges#changed} */
    CachedReads(Jdbi jdbi, BiFunction<K, V, List<String>> rowsOf) {
        this(jdbi, rowsOf, Ticker.systemTicker());
    }

    CachedReads(Jdbi jdbi, BiFunction<K, V, List<String>> rowsOf, Ticker ticker) {
        this.changes = jdbi.getConfig(RowChanges.class);
        this.rowsOf = rowsOf;
        this.kept = changes.tracked()
                ? Caffeine.newBuilder().maximumSize(MAX_KEPT).ticker(ticker)
                        .expireAfter(Expiry.writing((K key, Kept<V> kept) -> kept.lifetime()))
                        .executor(Runnable::run) // its upkeep on the caller, not in the JVM's common pool
                        .build()
                : null;
    }

    Optional<V> get(K key, Supplier<Optional<V>> read) {
        if (kept == null || Storage.inCall()) {
            return read.get();
        }
        Kept<V> known = kept.getIfPresent(key);
        if (known != null && changes.current(known.stamp())) {
            return Optional.of(known.value());
        }
        long countBefore = changes.count();
        Optional<V> found = read.get();
        found.ifPresentOrElse(value -> {
            RowChanges.Stamp stamp = changes.stamp(countBefore, rowsOf.apply(key, value));
            if (stamp != null) {
                kept.put(key, new Kept<>(value, stamp,
                        LIFETIME.minusNanos(ThreadLocalRandom.current().nextLong(SPREAD.toNanos()))));
            } else {
                kept.invalidate(key);
            }
        }, () -> kept.invalidate(key));
        return found;
    }

    private record Kept<V>(V value, RowChanges.Stamp stamp, Duration lifetime) {
    }
}

package dev.wxlogin.bootstrap;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A yes-or-no check of a dependency, made at most once per window: asked again within it, it gives the last
 * answer. {@code /ready} is public and load balancers probe it often, so checking the database on every probe
 * would let anyone make the server borrow pooled connections at will; this way it costs one a window. Askers
 * that arrive while a check runs wait for its answer rather than each making their own.
 */
final class CachedCheck implements BooleanSupplier {
    private final BooleanSupplier check;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    // Parks rather than pins a virtual thread while the check blocks (up to the pool's connection timeout).
    private final ReentrantLock lock = new ReentrantLock();
    private boolean answered;
    private boolean answer;
    private long answeredAt;

    /** @param nanoTime a monotonic clock such as {@link System#nanoTime()} */
    CachedCheck(BooleanSupplier check, Duration window, LongSupplier nanoTime) {
        this.check = check;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean getAsBoolean() {
        lock.lock();
        try {
            if (!answered || nanoTime.getAsLong() - answeredAt >= windowNanos) {
                answer = check.getAsBoolean();
                answeredAt = nanoTime.getAsLong(); // the window starts when the answer is known
                answered = true;
            }
            return answer;
        } finally {
            lock.unlock();
        }
    }
}

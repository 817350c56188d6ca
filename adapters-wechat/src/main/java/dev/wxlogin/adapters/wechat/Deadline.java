package dev.wxlogin.adapters.wechat;

import java.time.Duration;

/** When one whole exchange, retries and their waits included, must be over; by {@link System#nanoTime()}. */
final class Deadline {
    private final long atNanos;

    private Deadline(long atNanos) {
        this.atNanos = atNanos;
    }

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos());
    }

    /** The time left; zero once the deadline has passed. */
    Duration left() {
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /** {@code limit}, or the time left if that is shorter. */
    Duration capped(Duration limit) {
        Duration left = left();
        return left.compareTo(limit) < 0 ? left : limit;
    }

    /** Whether at least {@code needed} is left. */
    boolean leaves(Duration needed) {
        return left().compareTo(needed) >= 0;
    }
}

package dev.wxlogin.adapters.rest;

import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock for Bucket4j that stands still until a test moves it, so refills need no sleeping. */
final class ManualTime implements TimeMeter {
    private final AtomicLong nanos = new AtomicLong();

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }
}

package dev.wxlogin.adapters.wechat;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with full jitter, so that callers retrying after the same WeChat hiccup spread out. */
final class Backoff {
    private final long baseNanos;
    private final long capNanos;

    Backoff(WeChatApiSettings.Retry retry) {
        this.baseNanos = retry.baseDelay().toNanos();
        this.capNanos = retry.maxDelay().toNanos();
    }

    /** A random wait between zero and {@code min(cap, base * 2^(retry-1))}; {@code retry} counts from 1. */
    Duration delayBefore(int retry) {
        long exponential = retry - 1 >= Long.numberOfLeadingZeros(baseNanos) ? capNanos : baseNanos << (retry - 1);
        long ceiling = Math.min(capNanos, exponential);
        return Duration.ofNanos(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }
}

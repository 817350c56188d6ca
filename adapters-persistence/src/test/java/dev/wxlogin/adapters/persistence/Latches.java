package dev.wxlogin.adapters.persistence;

import java.util.concurrent.CountDownLatch;

/** Waiting on a latch from a lambda that may not throw. */
final class Latches {
    private Latches() {}

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.port.out.ForRunningTransactions;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions for the in-memory fakes: one at a time, so they are isolated; the fakes cannot roll
 * back, which service tests account for by checking what was written before a failure.
 */
public final class SerialTransactions implements ForRunningTransactions {
    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}

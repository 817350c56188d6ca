package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.port.out.ForRunningTransactions;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions for the in-memory fakes, one at a time: the outermost call snapshots every fake it was
 * given and, if the work fails, restores them, so a service's rollback path really rolls back. As with
 * the database, a nested call joins the outer one. Calls made outside any transaction are not held
 * off, and a rollback also undoes what they wrote meanwhile; tests fail one thing at a time.
 */
public final class SerialTransactions implements ForRunningTransactions {
    private final ReentrantLock lock = new ReentrantLock();
    private final List<RollsBack> participants;

    public SerialTransactions(RollsBack... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            List<Runnable> rollback = participants.stream().map(RollsBack::snapshot).toList();
            try {
                return work.get();
            } catch (RuntimeException | Error failure) {
                rollback.forEach(Runnable::run);
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }
}

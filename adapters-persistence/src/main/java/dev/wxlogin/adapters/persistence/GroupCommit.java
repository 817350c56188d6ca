package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.error.StorageUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: callers whose commits are in memory wait for a write that began after their commit. One of them
 * writes; those who committed meanwhile wait for the next write, and one of them does it. The busier the server, the
 * more commits one write carries. Used for embedded H2 ({@link H2FileWrites}): with {@code WRITE_DELAY=0} H2 wrote
 * a new chunk of its file inside every COMMIT, while the transaction still held its pooled connection, so at most a
 * pool's worth of commits could share one write; here each caller waits with its connection back in the pool.
 */
final class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Runnable write;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private long writesStarted;
    private long writesFinished;
    private boolean writing;

    /** @param write makes durable everything committed before it began */
    GroupCommit(Runnable write) {
        this.write = write;
    }

    /** Returns once a write that began after this call has finished; a failed write is tried by the next waiter. */
    void awaitWritten() {
        lock.lock();
        try {
            long needed = writesStarted + 1;
            while (writesFinished < needed) {
                if (writing) {
                    written.awaitUninterruptibly();
                } else {
                    writeAsLeader();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Called holding the lock, which it gives up while writing. */
    private void writeAsLeader() {
        writing = true;
        long started = ++writesStarted;
        boolean done = false;
        lock.unlock();
        try {
            write.run();
            done = true;
        } catch (RuntimeException e) {
            LOG.warn("The database could not write its file: {}", e.getClass().getSimpleName());
            throw new StorageUnavailable("The database could not write its file");
        } finally {
            lock.lock();
            writing = false;
            if (done) {
                writesFinished = started;
            }
            written.signalAll();
        }
    }
}

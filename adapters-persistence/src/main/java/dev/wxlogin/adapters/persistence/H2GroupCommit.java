package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.error.StorageUnavailable;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for an embedded H2 file database. With {@code WRITE_DELAY=0} H2 writes a new chunk of its file inside
 * every COMMIT, while the transaction still holds its pooled connection, so at most a pool's worth of commits share
 * one write. Here H2 commits in memory (its own writer runs only every {@link Database#H2_WRITE_DELAY_MILLIS}), and
 * each caller, its connection already back in the pool, waits for a write of the file that began after its commit:
 * one caller writes (MVStore's commit: every change made so far, committed or not, as one consistent chunk; H2's
 * recovery rolls back what was uncommitted), those who committed meanwhile wait for the next write, and one of them
 * does it. The busier the server, the more commits a write carries. Like H2's own per-commit write, this survives the
 * death of the JVM, not of the machine (no fsync).
 */
final class H2GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(H2GroupCommit.class);

    private final DataSource pool;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private long writesStarted;
    private long writesFinished;
    private boolean writing;
    private volatile MVStore store;

    private H2GroupCommit(DataSource pool, MVStore store) {
        this.pool = pool;
        this.store = store;
    }

    /** For a pool of embedded H2 file connections; none for any other database, whose COMMIT is durable already. */
    static Optional<H2GroupCommit> of(DataSource pool) {
        return storeOf(pool).map(store -> new H2GroupCommit(pool, store));
    }

    /** Returns once a write of the file that began after this call has finished. */
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

    /** Called holding the lock, which it gives up while writing. A failed write is tried again by the next waiter. */
    private void writeAsLeader() {
        writing = true;
        long write = ++writesStarted;
        boolean done = false;
        lock.unlock();
        try {
            currentStore().commit();
            done = true;
        } catch (RuntimeException e) {
            LOG.warn("H2 could not write its file: {}", e.getClass().getSimpleName());
            throw new StorageUnavailable("The database could not write its file");
        } finally {
            lock.lock();
            writing = false;
            if (done) {
                writesFinished = write;
            }
            written.signalAll();
        }
    }

    /** H2 closes a database when its last connection closes and opens a new store with the next one. */
    private MVStore currentStore() {
        MVStore current = store;
        if (current.isClosed()) {
            current = storeOf(pool).orElseThrow(() -> new IllegalStateException("the H2 database is no longer embedded"));
            store = current;
        }
        return current;
    }

    private static Optional<MVStore> storeOf(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
                return Optional.empty(); // another database, or H2 over TCP: its server decides how it writes
            }
            var database = session.getDatabase();
            return database.isPersistent() ? Optional.of(database.getStore().getMvStore()) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not say how it stores its commits", e);
        }
    }
}

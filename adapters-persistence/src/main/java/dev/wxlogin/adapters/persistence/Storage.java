package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.error.StorageUnavailable;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The adapters' only way to the database: Jdbi's entry points, with a lost or unobtainable connection
 * reported as the domain's {@link StorageUnavailable}, and a lock timeout, deadlock or serialization
 * failure as {@link StorageBusy} (the API answers both with 503), whichever adapter and statement
 * noticed it. Other failures pass through unchanged.
 *
 * <p>Whatever may write returns only once its commit is durable ({@link CommitDurability}): at the end of the
 * outermost call of the thread, when the transaction it may have joined has committed, or at once for work that
 * commits on its own connection. Only {@link #read} and {@link #readDetached} do not wait. Before that the rows
 * its writes changed are published to {@link RowChanges}, for the {@link CachedReads} that may hold them. Each call
 * runs, whole, where {@link DatabaseThreads} says: on embedded H2 a virtual thread's on a platform thread, so the
 * thread-bound transaction, the depth and the unpublished rows all stay on one thread; the wait for durability
 * stays with the caller.
 */
final class Storage {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

    /** How many calls that may write the thread is inside: the outermost one waits for durability. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final Jdbi jdbi;
    private final CommitDurability durability;
    private final DatabaseThreads threads;

    Storage(Jdbi jdbi) {
        this.jdbi = jdbi;
        this.durability = jdbi.getConfig(CommitDurability.class);
        this.threads = jdbi.getConfig(DatabaseThreads.class);
    }

    /** Whether the thread is inside a call that may write, so perhaps in a transaction. */
    static boolean inCall() {
        return DEPTH.get()[0] > 0;
    }

    /**
     * Statements on the calling thread's transaction, if it has one, else on a handle of their own. The
     * fluent API with mappers defined once: the way for hot paths.
     */
    <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        return durable(() -> jdbi.withHandle(work));
    }

    /** Statements that only read, as {@link #withHandle}, answered without waiting for anyone's commit to be written. */
    <R> R read(HandleCallback<R, RuntimeException> work) {
        return threads.run(() -> translated(() -> jdbi.withHandle(work)));
    }

    /** Reads on a connection of their own, as {@link #autoCommit}, without waiting. */
    <R> R readDetached(HandleCallback<R, RuntimeException> work) {
        return threads.run(() -> translated(() -> Detached.autoCommit(jdbi, work)));
    }

    <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return durable(() -> jdbi.inTransaction(work));
    }

    /** See {@link Detached#autoCommit}; durable before it returns, even inside the thread's transaction. */
    <R> R autoCommit(HandleCallback<R, RuntimeException> work) {
        return detached(() -> Detached.autoCommit(jdbi, work));
    }

    /** See {@link Detached#batch}; durable before it returns. */
    int batch(HandleCallback<Integer, RuntimeException> batch) {
        return detached(() -> Detached.batch(jdbi, batch));
    }

    /** Committed on a connection of its own: published at once, unless the thread's transaction still runs. */
    private <R> R detached(Supplier<R> call) {
        return written(threads.run(() -> {
            try {
                return translated(call);
            } finally {
                if (!inCall()) {
                    RowChanges.publish();
                }
            }
        }));
    }

    private <R> R written(R result) {
        durability.awaitWritten();
        return result;
    }

    private <R> R durable(Supplier<R> call) {
        boolean outermost = !inCall();
        R result = threads.run(() -> counted(call));
        return outermost ? written(result) : result;
    }

    private static <R> R counted(Supplier<R> call) {
        int[] depth = DEPTH.get();
        depth[0]++;
        try {
            return translated(call);
        } finally {
            if (--depth[0] == 0) {
                RowChanges.publish();
            }
        }
    }

    private static <R> R translated(Supplier<R> call) {
        try {
            return call.get();
        } catch (StorageUnavailable | StorageBusy already) {
            throw already;
        } catch (RuntimeException e) {
            if (SqlStates.isConnectionLoss(e)) {
                LOG.warn("The database is not answering: {}", e.getClass().getSimpleName());
                throw new StorageUnavailable("The database is not answering");
            }
            if (SqlStates.isContention(e)) {
                LOG.warn("The database is busy: a lock wait timed out or a transaction lost a conflict (SQLState {})",
                        SqlStates.stateOf(e));
                throw new StorageBusy("The database is busy");
            }
            throw e;
        }
    }
}

package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.error.StorageUnavailable;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The adapters' only way to the database: Jdbi's entry points, with a lost or unobtainable connection
 * reported as the domain's {@link StorageUnavailable}, and a lock timeout, deadlock or serialization
 * failure as {@link StorageBusy} (the API answers both with 503), whichever adapter and statement
 * noticed it. Other failures pass through unchanged.
 */
final class Storage {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

    private final Jdbi jdbi;

    Storage(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Statements on the calling thread's transaction, if it has one, else on a handle of their own. The
     * fluent API with mappers defined once: the way for hot paths.
     */
    <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        return translated(() -> jdbi.withHandle(work));
    }

    /** A DAO call that joins the calling thread's transaction, if it has one. */
    <R, E> R withDao(Class<E> dao, ExtensionCallback<R, E, RuntimeException> call) {
        return translated(() -> jdbi.withExtension(dao, call));
    }

    <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return translated(() -> jdbi.inTransaction(work));
    }

    /** See {@link Detached#autoCommit}. */
    <R> R autoCommit(HandleCallback<R, RuntimeException> work) {
        return translated(() -> Detached.autoCommit(jdbi, work));
    }

    /** See {@link Detached#batch}. */
    int batch(HandleCallback<Integer, RuntimeException> batch) {
        return translated(() -> Detached.batch(jdbi, batch));
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

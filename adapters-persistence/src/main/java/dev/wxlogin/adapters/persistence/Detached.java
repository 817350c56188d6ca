package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that commits on its own, on a connection of its own: never part of the transaction the calling
 * thread may have open (which {@code Jdbi.withHandle} would join). Callers should not hold a
 * transaction while they do this, or each thread briefly needs two pooled connections.
 */
final class Detached {
    private static final Logger LOG = LoggerFactory.getLogger(Detached.class);

    private Detached() {}

    /** Each statement commits as it runs. */
    static <T> T autoCommit(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
        try (Handle handle = jdbi.open()) {
            return work.withHandle(handle);
        }
    }

    /**
     * One cleanup batch as one transaction. Instances cleaning up at once may deadlock each other;
     * the database then rolls one back, and that one runs its batch once more. The conflict is told by
     * its SQLState, whatever wraps it (PostgreSQL may report a serialization failure only at commit).
     */
    static int batch(Jdbi jdbi, HandleCallback<Integer, RuntimeException> batch) {
        try (Handle handle = jdbi.open()) {
            try {
                return handle.inTransaction(batch);
            } catch (RuntimeException e) {
                if (!SqlStates.isTransactionConflict(e)) {
                    throw e;
                }
                LOG.info("A cleanup batch lost a deadlock or serialization conflict; retrying it once");
                return handle.inTransaction(batch);
            }
        }
    }
}

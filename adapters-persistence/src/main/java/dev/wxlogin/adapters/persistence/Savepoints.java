package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Inserts that may lose a race to a concurrent one, inside a transaction that carries on either way. */
final class Savepoints {
    private static final String BEFORE_INSERT = "before_insert";

    /**
     * Runs the inserts inside a savepoint and tells whether they landed; a duplicate key undoes them all, and the
     * caller reads the row that won. Without the savepoint PostgreSQL would abort the whole transaction after the
     * failed statement.
     */
    static boolean insertedNew(Handle handle, Runnable inserts) {
        handle.savepoint(BEFORE_INSERT);
        try {
            inserts.run();
            handle.releaseSavepoint(BEFORE_INSERT);
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (!SqlStates.isDuplicateKey(e)) {
                throw e;
            }
            handle.rollbackToSavepoint(BEFORE_INSERT);
            return false;
        }
    }

    private Savepoints() {}
}

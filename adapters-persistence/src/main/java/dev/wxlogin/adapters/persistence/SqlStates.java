package dev.wxlogin.adapters.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Failures told apart by SQLState, mostly by class, which H2, PostgreSQL and MySQL agree on (vendor codes differ). */
final class SqlStates {
    private SqlStates() {}

    /**
     * Class 23, integrity constraint violation. The inserts that ask only break their table's key, so it
     * means: a row with that key exists already (MySQL reports duplicates only as the class, 23000).
     */
    static boolean isDuplicateKey(Throwable failure) {
        return hasStateClass(failure, "23");
    }

    /** Class 40, transaction rollback: the database chose this transaction as a deadlock or serialization victim. */
    static boolean isTransactionConflict(Throwable failure) {
        return hasStateClass(failure, "40");
    }

    /**
     * The connection is gone or could not be had: class 08 (connection exception), PostgreSQL's server shutting
     * down, crashed or still starting (57P01-57P03, which it sends on the connections it drops), or the JDBC types
     * for it, which drivers and pools use whatever their SQLState (H2's broken session, Hikari's timeout).
     */
    static boolean isConnectionLoss(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
        }
        return hasStateClass(failure, "08") || hasStateClass(failure, "57P01") || hasStateClass(failure, "57P02")
                || hasStateClass(failure, "57P03");
    }

    private static boolean hasStateClass(Throwable failure, String stateClass) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass)) {
                return true;
            }
        }
        return false;
    }
}

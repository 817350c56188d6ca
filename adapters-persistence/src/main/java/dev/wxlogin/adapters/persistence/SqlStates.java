package dev.wxlogin.adapters.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Failures told apart by SQLState class, which H2, PostgreSQL and MySQL agree on, and by vendor code
 * where a database reports a failure outside its class.
 */
final class SqlStates {
    /** PostgreSQL's lock_not_available: a lock wait ran past {@code lock_timeout}, or NOWAIT found the row locked. */
    private static final String POSTGRESQL_LOCK_NOT_AVAILABLE = "55P03";
    /**
     * H2's lock timeout (50200, SQLState HYT00) and concurrent update (90131); MySQL and MariaDB's lock
     * wait timeout (1205, SQLState HY000) and deadlock (1213, which some drivers report as 40001 and
     * others do not). PostgreSQL reports no vendor codes, and no code here is used by another of them.
     */
    private static final Set<Integer> CONTENTION_VENDOR_CODES = Set.of(50200, 90131, 1205, 1213);
    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now, sent on the connections it drops. */
    private static final Set<String> POSTGRESQL_SERVER_GONE = Set.of("57P01", "57P02", "57P03");

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
     * Other transactions stood in the way: this one lost a deadlock or serialization conflict (class 40),
     * or gave up waiting for a lock. Trying again later is likely to succeed.
     */
    static boolean isContention(Throwable failure) {
        return isTransactionConflict(failure) || anySqlException(failure, sql ->
                POSTGRESQL_LOCK_NOT_AVAILABLE.equals(sql.getSQLState())
                        || CONTENTION_VENDOR_CODES.contains(sql.getErrorCode()));
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
        return hasStateClass(failure, "08")
                || anySqlException(failure, sql -> POSTGRESQL_SERVER_GONE.contains(sql.getSQLState()));
    }

    /** The first SQLState in the chain of causes, for the log; null if there is none. */
    static String stateOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean hasStateClass(Throwable failure, String stateClass) {
        return anySqlException(failure, sql -> sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass));
    }

    private static boolean anySqlException(Throwable failure, Predicate<SQLException> test) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && test.test(sql)) {
                return true;
            }
        }
        return false;
    }
}

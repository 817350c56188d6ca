package dev.wxlogin.adapters.persistence;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Writes of an embedded H2 file database: MVStore's commit, which stores every change made so far, committed or not,
 * as one consistent chunk (H2's recovery rolls back what was uncommitted). It survives the death of the JVM, not of
 * the machine: H2 does not fsync. The store is reached through a connection's session, the only H2 class outside
 * the JDBC API the adapter uses.
 */
final class H2FileWrites {
    private final DataSource pool;
    private volatile MVStore store;

    private H2FileWrites(DataSource pool, MVStore store) {
        this.pool = pool;
        this.store = store;
    }

    /** For a pool of embedded H2 file connections; none for any other database, whose COMMIT is durable already. */
    static Optional<H2FileWrites> of(DataSource pool) {
        return storeOf(pool).map(store -> new H2FileWrites(pool, store));
    }

    void write() {
        MVStore current = store;
        if (current.isClosed()) { // H2 closes a database with its last connection and opens a new store with the next
            current = storeOf(pool).orElseThrow(() -> new IllegalStateException("the H2 database is no longer embedded"));
            store = current;
        }
        current.commit();
    }

    private static Optional<MVStore> storeOf(DataSource pool) {
        return embedded(pool) // else another database, or H2 over TCP: its server decides how it writes
                .filter(org.h2.engine.Database::isPersistent)
                .map(database -> database.getStore().getMvStore());
    }

    /**
     * The H2 database the pool's connections open in this process, file or memory; none for another database or H2
     * over TCP. (One opened with {@code AUTO_SERVER} on is embedded here and served to other processes too.)
     */
    static Optional<org.h2.engine.Database> embedded(DataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    ? Optional.of(session.getDatabase()) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not say where it runs", e);
        }
    }
}

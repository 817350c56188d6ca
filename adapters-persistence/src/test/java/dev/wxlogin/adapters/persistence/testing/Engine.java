package dev.wxlogin.adapters.persistence.testing;

import dev.wxlogin.adapters.persistence.Database;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;

/**
 * The databases wxlogin supports, each for real: H2 embedded in this JVM, and PostgreSQL and MariaDB servers
 * that the build starts itself from the binaries in Maven artifacts, once per test JVM, on a free port of
 * 127.0.0.1, with their data and logs under {@code target/test-databases}; they stop at JVM exit. A server that
 * cannot start fails the test that needed it, with the end of its log; nothing is skipped.
 *
 * <p>Run a test class on every engine with {@link OnEveryEngine}.
 */
public enum Engine {
    H2(H2Server::started),
    POSTGRESQL(PostgresServer::started),
    MARIADB(MariaDbServer::started);

    private final Function<Path, DatabaseServer> starter;

    Engine(Function<Path, DatabaseServer> starter) {
        this.starter = starter;
    }

    /**
     * A new, empty database of its own (no schema yet) on this JVM's server of this engine. For H2, an in-memory
     * database, which every pool of this JVM that opens its URL shares, as if it were on a server.
     */
    public TestDatabase createDatabase() {
        if (this == H2) {
            return new TestDatabase(this, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                    + Database.H2_FILE_URL_OPTIONS, "sa", "");
        }
        return SharedServers.of(this).createDatabase();
    }

    /** A server of the caller's own, for a test that stops and restarts it; for H2, an H2 TCP server. */
    public DatabaseServer startServer() {
        return starter.apply(Workspace.serverHome(this));
    }

    DatabaseServer startShared() {
        return starter.apply(Workspace.sharedHome(this));
    }
}

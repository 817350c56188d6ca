package dev.wxlogin.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The connection pool, the schema brought up to date, and the one {@link Jdbi} every adapter must share
 * (a transaction is found through it: adapters join the one the calling thread has open; and it knows
 * how this database tells the time, see {@link DatabaseClock}). Works with any JDBC URL whose driver is
 * on the classpath; H2's, PostgreSQL's and MariaDB's are (the last also for MySQL).
 */
public final class Database implements AutoCloseable {
    /** How long H2 may keep a commit in memory when no caller waits for it (see {@link GroupCommit}). */
    static final int H2_WRITE_DELAY_MILLIS = 1_000;

    /**
     * What to append to an H2 file URL ({@code jdbc:h2:file:./data/wxlogin}).
     * <ul>
     * <li>{@code WRITE_DELAY}: H2 keeps commits in memory and writes them from a background thread this often, so a
     * {@code kill -9} would lose the last of them (tried with H2's default of 500 ms: a table created and filled just
     * before the kill was gone entirely). Every caller of the adapters waits for its commit to be written by
     * {@link GroupCommit} before it answers, which survives the death of the JVM (not of the machine: H2 does not
     * fsync). {@code WRITE_DELAY=0} would write inside each COMMIT instead, at twice the CPU per login. Not persistent
     * in the file, so it belongs in every URL.</li>
     * <li>{@code AUTO_COMPACT_FILL_RATE=0}: with a write delay H2's background writer also compacts the file, rewriting
     * the live pages of sparse chunks under the store's lock; with a million sessions that halved the logins a second
     * (docs/benchmarks.md). {@code WRITE_DELAY=0} ran no background writer, so this keeps what was shipped: free
     * chunks are reused, and the file is compacted when the database closes.</li>
     * <li>{@code QUERY_CACHE_SIZE=64}: H2 keeps the parsed form of a connection's last 8 statements by default, fewer
     * than a pooled connection sees in a login and the requests around it, so it parsed each statement again (6 % of a
     * login's CPU in a profile).</li>
     * <li>{@code LOCK_TIMEOUT=10000}: H2 gives up on a row lock after 1 s by default; logins of one user
     * queue on that user's row, and a cleanup batch may wait for another.</li>
     * <li>{@code DB_CLOSE_ON_EXIT=FALSE}: the application closes the pool on shutdown; H2's own shutdown
     * hook would otherwise close the database under requests that are still finishing.</li>
     * </ul>
     */
    public static final String H2_FILE_URL_OPTIONS = ";WRITE_DELAY=" + H2_WRITE_DELAY_MILLIS
            + ";AUTO_COMPACT_FILL_RATE=0;QUERY_CACHE_SIZE=64;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** What H2 reads as false in a URL option (its {@code Utils.parseBoolean}); anything else is true to it. */
    private static final Set<String> H2_FALSE = Set.of("0", "F", "N", "NO", "FALSE");
    // A request waits this long for a connection, so a database that is down soon becomes a 503.
    private static final long CONNECTION_TIMEOUT_MILLIS = 3_000;
    private static final long VALIDATION_TIMEOUT_MILLIS = 1_000;
    private static final int REACHABLE_TIMEOUT_SECONDS = 1;

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final Optional<ExecutorService> platformThreads;

    private Database(HikariDataSource pool, DatabaseClock clock) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        Optional<org.h2.engine.Database> embedded = H2FileWrites.embedded(pool);
        // Embedded H2's waits for a key keep their thread busy: run them where the operating system shares the cores.
        // As many threads as connections: each call holds one, and a queue costs a caller 1-1.3 µs where a thread per
        // call cost 6.5-8.3 (bench/PlatformHandoff.java).
        this.platformThreads = embedded.map(h2 -> Executors.newFixedThreadPool(
                pool.getMaximumPoolSize(), Thread.ofPlatform().name("wxlogin-database-", 0).daemon(true).factory()));
        platformThreads.ifPresent(threads -> jdbi.getConfig(DatabaseThreads.class).runOn(threads));
        H2FileWrites.of(pool).map(files -> new GroupCommit(files::write))
                .ifPresent(group -> jdbi.getConfig(CommitDurability.class).waitWith(group::awaitWritten));
        // Reads may be kept (CachedReads) when no other process can write: embedded H2, which H2 locks to its
        // process, unless its URL lets others in.
        embedded.filter(h2 -> !letsOthersIn(pool.getJdbcUrl())).ifPresent(h2 -> jdbi.getConfig(RowChanges.class).track(h2));
        // Failures name the statement, never its bound values (openids, hashes) that would reach the logs.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
        jdbi.define(DatabaseClock.ATTRIBUTE, clock.nowMillis());
        warnOfClockSkew(jdbi.withHandle(handle -> handle.select("SELECT " + clock.nowMillis()).mapTo(Long.class).one()));
    }

    /**
     * Whether an H2 URL serves its file to other processes too ({@code AUTO_SERVER} set to anything H2 does not read
     * as false) or turns its file lock off ({@code FILE_LOCK=NO}).
     */
    static boolean letsOthersIn(String jdbcUrl) {
        String url = jdbcUrl.toUpperCase(Locale.ROOT).replace(" ", "");
        return option(url, "AUTO_SERVER").filter(value -> !H2_FALSE.contains(value)).isPresent()
                || option(url, "FILE_LOCK").filter("NO"::equals).isPresent();
    }

    private static Optional<String> option(String url, String name) {
        int at = url.indexOf(";" + name + "=");
        if (at < 0) {
            return Optional.empty();
        }
        int from = at + name.length() + 2;
        int end = url.indexOf(';', from);
        return Optional.of(url.substring(from, end < 0 ? url.length() : end));
    }

    /** Sessions are held to the database's clock; an instance whose own clock is off should be fixed all the same. */
    private static void warnOfClockSkew(long databaseNowMillis) {
        long ahead = System.currentTimeMillis() - databaseNowMillis;
        if (Math.abs(ahead) > DatabaseClock.TOLERANCE_MILLIS) {
            LOG.warn("This instance's clock is {} ms {} the database's; check its time synchronisation (NTP)",
                    Math.abs(ahead), ahead > 0 ? "ahead of" : "behind");
        }
    }

    /**
     * The embedded H2 database {@code <directory>/wxlogin}, with {@link #H2_FILE_URL_OPTIONS}. H2 creates its files
     * with the process's umask: keeping them private is the directory's job.
     */
    public static String h2FileUrl(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().normalize().resolve("wxlogin") + H2_FILE_URL_OPTIONS;
    }

    /** Opens the pool and applies pending migrations; fails if the database is unreachable or its schema is foreign. */
    public static Database open(DatabaseSettings settings) {
        HikariDataSource pool = new HikariDataSource(poolConfig(settings));
        try {
            DatabaseClock family = clockOf(pool);
            var result = Flyway.configure().dataSource(pool).locations(Migrations.locations(family)).load().migrate();
            Database database = new Database(pool, family);
            database.jdbi.getConfig(CommitDurability.class).awaitWritten(); // the migrations, which ran beside Storage
            LOG.info("Database ready; {} migrations applied now", result.migrationsExecuted);
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static DatabaseClock clockOf(HikariDataSource pool) {
        try (Connection connection = pool.getConnection()) {
            return DatabaseClock.of(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not say which it is", e);
        }
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("wxlogin-db");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
        // The same isolation on every database (MySQL defaults to REPEATABLE READ): a login that loses
        // the race to insert a user must see the winner's committed row, and cleanup takes fewer locks.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        config.setExceptionOverride(new EvictLostConnections());
        return config;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** For the readiness probe: a pooled connection answers within about a second. */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            if (connection.isValid(REACHABLE_TIMEOUT_SECONDS)) {
                return true;
            }
            pool.evictConnection(connection);
            return false;
        } catch (SQLException e) {
            LOG.debug("Database unreachable: {}", e.toString());
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        platformThreads.ifPresent(ExecutorService::shutdown);
    }

    /**
     * Hikari evicts a connection on SQLState class 08 and a few vendor codes only; H2 reports a lost server
     * as 90067. Without this, a connection used in the last half second is handed out again unchecked, so
     * under steady traffic the pool would keep serving the dead connection after the database came back.
     */
    private static final class EvictLostConnections implements SQLExceptionOverride {
        @java.lang.Override // plain Override here names Hikari's nested enum
        public Override adjudicate(SQLException e) {
            return SqlStates.isConnectionLoss(e) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
        }
    }
}

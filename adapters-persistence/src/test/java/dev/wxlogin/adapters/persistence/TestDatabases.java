package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Real databases for tests, with the real migrations and the options production uses. */
final class TestDatabases {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {}

    /** A fresh, empty in-memory H2 database of its own. */
    static Database inMemory() {
        return open(Engine.H2);
    }

    /** A fresh database of its own on {@code engine}, migrated. */
    static Database open(Engine engine) {
        return Database.open(engine.createDatabase().settings(16));
    }

    /**
     * Like {@link #open(Engine)}, but a lock wait gives up after about {@code lockTimeoutMillis} (MariaDB counts in
     * whole seconds), so contention shows at once.
     */
    static Database withLockTimeout(Engine engine, int lockTimeoutMillis) {
        TestDatabase database = engine.createDatabase();
        String url = switch (engine) {
            case H2 -> database.url().replaceFirst("LOCK_TIMEOUT=\\d+", "LOCK_TIMEOUT=" + lockTimeoutMillis);
            case POSTGRESQL -> database.url() + "&options=-c%20lock_timeout%3D" + lockTimeoutMillis;
            case MARIADB -> database.url() + "?sessionVariables=innodb_lock_wait_timeout="
                    + Math.max(1, lockTimeoutMillis / 1000);
        };
        return Database.open(new DatabaseSettings(url, database.user(), database.password(), 16));
    }

    /** How wxlogin speaks to {@code engine}: MariaDB in MySQL's dialect. */
    static DatabaseClock dialectOf(Engine engine) {
        return switch (engine) {
            case H2 -> DatabaseClock.H2;
            case POSTGRESQL -> DatabaseClock.POSTGRESQL;
            case MARIADB -> DatabaseClock.MYSQL;
        };
    }

    static DatabaseSettings settings(String url) {
        return new DatabaseSettings(url, "sa", "", 16);
    }

    /**
     * Returns once the engine itself reports a transaction waiting for a lock that another holds; no sleeping and
     * hoping. Polls every 200 ms: MariaDB refreshes its lock tables only when they were left unread for 100 ms.
     */
    static void awaitATransactionWaitingForALock(Engine engine, Jdbi jdbi) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (waitingForALock(engine, jdbi) == 0) {
            assertThat(System.nanoTime() - deadline).as("a transaction waiting for a lock, within 20 s").isNegative();
            Thread.sleep(200);
        }
    }

    private static int waitingForALock(Engine engine, Jdbi jdbi) {
        String query = switch (engine) {
            case H2 -> "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
            case POSTGRESQL -> "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND datname = current_database()";
            case MARIADB -> "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'";
        };
        return jdbi.withHandle(h -> h.createQuery(query).mapTo(Integer.class).one());
    }

    static byte[] randomKey() {
        byte[] key = new byte[SessionKeyCipher.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    static SessionKeyCipher cipher() {
        return new SessionKeyCipher(randomKey(), List.of());
    }
}

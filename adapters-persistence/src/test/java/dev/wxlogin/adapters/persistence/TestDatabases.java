package dev.wxlogin.adapters.persistence;

import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;

/** Real databases for tests: H2 with the real migrations and the options production uses. */
final class TestDatabases {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestDatabases() {}

    /** A fresh, empty in-memory database of its own. */
    static Database inMemory() {
        return Database.open(settings(inMemoryUrl() + Database.H2_FILE_URL_OPTIONS));
    }

    /** Like {@link #inMemory()}, but a lock wait gives up after {@code lockTimeoutMillis}, so contention shows at once. */
    static Database inMemory(int lockTimeoutMillis) {
        String options = Database.H2_FILE_URL_OPTIONS.replaceFirst("LOCK_TIMEOUT=\\d+", "LOCK_TIMEOUT=" + lockTimeoutMillis);
        return Database.open(settings(inMemoryUrl() + options));
    }

    private static String inMemoryUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    static DatabaseSettings settings(String url) {
        return new DatabaseSettings(url, "sa", "", 16);
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

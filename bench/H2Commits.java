import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What H2 alone costs per login, without HTTP, Jdbi or WeChat: the login's statements on H2's own JDBC driver from
 * 10 threads (the pool's size) against a fresh file database with the schema of V1, 5 s warm-up, 10 s measured.
 *
 * <pre>java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar bench/H2Commits.java [mode]</pre>
 * from the repository's root, with Java 21 or newer.
 *
 * Modes: {@code durable} (as shipped: WRITE_DELAY=0, the claim commits on its own, then the login transaction),
 * {@code shared} (the claim inside the login's transaction: one commit), {@code delayed} (WRITE_DELAY=500).
 */
public class H2Commits {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "durable";
        boolean shared = mode.equals("shared");
        Path dir = Files.createTempDirectory("h2commits");
        String url = "jdbc:h2:file:" + dir + "/db;LOCK_TIMEOUT=10000;WRITE_DELAY=" + (mode.equals("delayed") ? 500 : 0);
        try (Connection c = DriverManager.getConnection(url)) {
            String schema = Files.readString(
                    Path.of("adapters-persistence/src/main/resources/db/migration/V1__users_sessions_codes.sql"));
            for (String statement : schema.replaceAll("--[^\n]*", "").split(";")) {
                if (!statement.isBlank()) c.createStatement().execute(statement);
            }
        }
        AtomicLong logins = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    while (!stop.get()) {
                        if (logIn(c, shared)) logins.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(5_000);
        long logins0 = logins.get(), cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        Thread.sleep(10_000);
        long n = logins.get() - logins0, cpu = os.getProcessCpuTime() - cpu0;
        double seconds = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : threads) t.join();
        System.out.printf("%s: %.0f logins/s, %.3f ms CPU per login, file %d MiB after 15 s%n", mode,
                n / seconds, cpu / 1e6 / n, new File(dir + "/db.mv.db").length() >> 20);
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Claim a fresh code, find or create one of 20,000 users, read their live sessions, insert a session. */
    private static boolean logIn(Connection c, boolean shared) throws SQLException {
        long now = System.currentTimeMillis();
        c.setAutoCommit(!shared);
        update(c, "INSERT INTO exchanged_code (app_id, code_hash, expires_at) VALUES (?, ?, ?)", "wxapp", hash(),
                now + 300_000);
        c.setAutoCommit(false);
        String openid = "o" + ThreadLocalRandom.current().nextInt(20_000);
        String user = null;
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM app_user WHERE app_id = ? AND openid = ?")) {
            p.setString(1, "wxapp");
            p.setString(2, openid);
            try (ResultSet rs = p.executeQuery()) {
                if (rs.next()) user = rs.getString(1);
            }
        }
        String sealed = "x".repeat(60);
        if (user == null) {
            user = UUID.randomUUID().toString();
            try {
                update(c, "INSERT INTO app_user (id, app_id, openid, created_at, last_login_at, "
                        + "session_key_ciphertext, session_key_key_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        user, "wxapp", openid, now, now, sealed, "abcd1234");
            } catch (SQLException raced) {
                c.rollback();
                return false;
            }
        } else {
            update(c, "UPDATE app_user SET session_key_ciphertext = ?, session_key_key_id = ?, last_login_at = ? "
                    + "WHERE id = ? AND disabled_at IS NULL", sealed, "abcd1234", now, user);
        }
        try (PreparedStatement p = c.prepareStatement("SELECT id FROM user_session WHERE user_id = ? "
                + "AND ended_at IS NULL AND expires_at > ? AND last_seen_at > ? ORDER BY created_at, id")) {
            p.setString(1, user);
            p.setLong(2, now);
            p.setLong(3, now - 1_000_000);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) rs.getString(1);
            }
        }
        update(c, "INSERT INTO user_session (id, token_hash, user_id, app_id, user_agent, client_ip, created_at, "
                + "last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), hash(),
                user, "wxapp", "wrk", "127.0.0.1", now, now, now + 30L * 86_400_000);
        c.commit();
        return true;
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) p.setObject(i + 1, values[i]);
            p.executeUpdate();
        }
    }

    private static String hash() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64);
    }
}

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What H2 alone costs per login, without HTTP, Jdbi or WeChat: the login's statements on H2's own JDBC driver from
 * 64 callers sharing 10 connections (the pool's size), each taking a connection for the claim and again for the
 * login, against a fresh file database with the schema of V1, 5 s warm-up, 10 s measured.
 *
 * <pre>java -cp ~/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar bench/H2Commits.java [mode]</pre>
 * from the repository's root, with Java 21 or newer.
 *
 * Modes: {@code durable} (WRITE_DELAY=0: H2 writes its file inside each commit, as shipped before the group commit),
 * {@code group} (as shipped: H2 commits in memory and each caller, its connection back in the pool, waits for a write
 * of the file that began after its commit; a writer thread here writes again and again while anyone waits, as the
 * adapter's {@code GroupCommit} lets one waiter do), {@code delayed} (WRITE_DELAY=500: commits are lost on kill -9).
 */
public class H2Commits {
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "durable";
        Path dir = Files.createTempDirectory("h2commits");
        String url = "jdbc:h2:file:" + dir + "/db;LOCK_TIMEOUT=10000;AUTO_COMPACT_FILL_RATE=0;WRITE_DELAY="
                + switch (mode) { case "durable" -> 0; case "group" -> 1000; default -> 500; };
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
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(10);
        for (int i = 0; i < 10; i++) {
            Connection c = DriverManager.getConnection(url);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            pool.add(c);
        }
        Writes writes = mode.equals("group") ? new Writes(pool.peek()) : null;
        for (int t = 0; t < 64; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        Connection c = pool.take();
                        try {
                            claim(c);
                        } finally {
                            pool.add(c);
                        }
                        if (writes != null) writes.awaitOneBegunAfterNow();
                        c = pool.take();
                        boolean loggedIn;
                        try {
                            loggedIn = logIn(c);
                        } finally {
                            pool.add(c);
                        }
                        if (writes != null) writes.awaitOneBegunAfterNow();
                        if (loggedIn) logins.incrementAndGet();
                    }
                } catch (SQLException | InterruptedException e) {
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
        for (Connection c : pool) c.close();
        System.out.printf("%s: %.0f logins/s, %.3f ms CPU per login, file %d MiB after 15 s%n", mode,
                n / seconds, cpu / 1e6 / n, new File(dir + "/db.mv.db").length() >> 20);
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    /** Writes of the file, one after the other while anyone waits; each waiter for one that began after it came. */
    private static final class Writes {
        private final MVStore store;
        private long begun, finished, wanted;

        Writes(Connection c) throws SQLException {
            store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
            Thread.ofPlatform().daemon().start(() -> { // until the JVM ends: the last callers still wait for a write
                while (true) write();
            });
        }

        synchronized void awaitOneBegunAfterNow() throws InterruptedException {
            long needed = begun + 1;
            wanted = Math.max(wanted, needed);
            notifyAll();
            while (finished < needed) wait();
        }

        private void write() {
            long write;
            synchronized (this) {
                while (wanted <= finished) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                write = ++begun;
            }
            store.commit();
            synchronized (this) {
                finished = write;
                notifyAll();
            }
        }
    }

    /** Claim a fresh code: committed on its own, before WeChat would see it. */
    private static void claim(Connection c) throws SQLException {
        c.setAutoCommit(true);
        update(c, "INSERT INTO exchanged_code (app_id, code_hash, expires_at) VALUES (?, ?, ?)", "wxapp", hash(),
                System.currentTimeMillis() + 300_000);
    }

    /** Find or create one of 20,000 users, read their live sessions, insert a session: one transaction. */
    private static boolean logIn(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
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

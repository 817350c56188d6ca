package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three processes of the shipped jar behind one load balancer, on one PostgreSQL database, sharing the data key.
 * Each has its own sandbox; the sandboxes give a simulated user the same openid, but a code only its own sandbox
 * knows.
 */
class ThreeInstancesOnPostgresIT {
    private static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final Pattern CLEANED = Pattern.compile("cleanup removed (\\d+) expired sessions");

    @TempDir
    Path directory;
    private final TestDatabase database = Engine.POSTGRESQL.createDatabase();
    private final List<ShippedJar> instances = new ArrayList<>();

    @AfterEach
    void stopThem() {
        instances.forEach(ShippedJar::close);
    }

    private List<ShippedJar> three(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(TestServer.databaseVariables(database));
        all.put("WXLOGIN_DATA_KEY", DATA_KEY);
        all.putAll(settings);
        for (String name : List.of("a", "b", "c")) {
            Path own = directory.resolve(name);
            own.toFile().mkdirs();
            instances.add(ShippedJar.start(own, all));
        }
        return instances;
    }

    private static String token(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return read(login.body()).get("token").asText();
    }

    @Test
    void aLogoutOrALogoutEverywhereIsRefusedOnEveryInstanceAtOnce() {
        List<ShippedJar> jars = three(Map.of());
        String phone = token(jars.get(0).login(jars.get(0).code("alice")));
        String tablet = token(jars.get(1).login(jars.get(1).code("alice")));
        String laptop = token(jars.get(2).login(jars.get(2).code("alice")));

        assertThat(jars.get(1).post("/api/v1/logout", phone).statusCode()).isEqualTo(204);
        for (ShippedJar jar : jars) {
            HttpResponse<String> me = jar.get("/api/v1/me", phone);
            assertThat(me.statusCode()).isEqualTo(401);
            assertThat(problemCode(me)).isEqualTo("session_revoked");
            assertThat(jar.get("/api/v1/me", tablet).statusCode()).isEqualTo(200);
        }

        assertThat(jars.get(2).post("/api/v1/logout-all", tablet).statusCode()).isEqualTo(200);
        for (ShippedJar jar : jars) {
            for (String revoked : List.of(tablet, laptop)) {
                HttpResponse<String> me = jar.get("/api/v1/me", revoked);
                assertThat(me.statusCode()).isEqualTo(401);
                assertThat(problemCode(me)).isEqualTo("session_revoked");
            }
        }
    }

    /** B's sandbox never issued the code: had B asked it, the answer would be an invalid code, not code_used. */
    @Test
    void aCodeUsedOnOneInstanceIsRefusedOnTheOthersWithoutAskingWeChat() {
        List<ShippedJar> jars = three(Map.of());
        String code = jars.get(0).code("bob");
        token(jars.get(0).login(code));

        for (ShippedJar other : jars.subList(1, 3)) {
            HttpResponse<String> replay = other.login(code);
            assertThat(replay.statusCode()).isEqualTo(409);
            assertThat(problemCode(replay)).isEqualTo("code_used");
        }
    }

    @Test
    void underTheSinglePolicyConcurrentLoginsOnAllInstancesLeaveOneSession() throws Exception {
        List<ShippedJar> jars = three(Map.of("WXLOGIN_SESSION_POLICY", "single"));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            codes.add(jars.get(i % 3).code("carol"));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(codes.size())) {
            for (int i = 0; i < codes.size(); i++) {
                ShippedJar via = jars.get(i % 3);
                String code = codes.get(i);
                tokens.add(threads.submit(() -> {
                    start.await();
                    return token(via.login(code));
                }));
            }
            start.countDown();
            List<String> issued = new ArrayList<>();
            for (Future<String> token : tokens) {
                issued.add(token.get(60, TimeUnit.SECONDS));
            }
            int live = 0; // judged once every login has finished, each token on another instance than its own
            for (int i = 0; i < issued.size(); i++) {
                HttpResponse<String> me = jars.get((i + 1) % 3).get("/api/v1/me", issued.get(i));
                if (me.statusCode() == 200) {
                    live++;
                } else {
                    assertThat(problemCode(me)).isEqualTo("session_replaced");
                }
            }
            assertThat(live).isEqualTo(1);
        }
    }

    /** Every instance runs the cleanup job; together they remove each dead session once, and none fails. */
    @Test
    void theCleanupJobRunsOnEveryInstanceWithoutFailuresOrDoubleWork() throws Exception {
        List<ShippedJar> jars = three(Map.of("WXLOGIN_CLEANUP_INTERVAL", "PT0.5S", "WXLOGIN_CLEANUP_BATCH", "50"));
        String live = token(jars.get(0).login(jars.get(0).code("dave")));
        int dead = 2_000;
        insertDeadSessions(userOf(live), dead);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (sessions() > 1) {
            assertThat(System.nanoTime() - deadline).as("every dead session removed within 60 s").isNegative();
            Thread.sleep(200);
        }

        assertThat(jars.get(2).get("/api/v1/me", live).statusCode()).isEqualTo(200);
        long removed = 0;
        for (ShippedJar jar : jars) {
            assertThat(jar.output()).doesNotContain("cleanup run failed");
            for (Matcher line = CLEANED.matcher(jar.output()); line.find(); ) {
                removed += Long.parseLong(line.group(1));
            }
        }
        assertThat(removed).isEqualTo(dead);
    }

    private String userOf(String token) {
        return read(instances.getFirst().get("/api/v1/me", token).body()).get("id").asText();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.user(), database.password());
    }

    private void insertDeadSessions(String user, int count) throws SQLException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement row = connection.prepareStatement("""
                    INSERT INTO user_session (id, token_hash, account_id, user_id, app_id, method, created_at,
                                              last_seen_at, expires_at)
                    SELECT ?, ?, account_id, id, app_id, 'wechat', 0, 0, 1 FROM app_user WHERE id = ?""")) {
                for (int i = 0; i < count; i++) {
                    row.setString(1, UUID.randomUUID().toString());
                    row.setString(2, String.format("%064x", i));
                    row.setString(3, user);
                    row.addBatch();
                }
                row.executeBatch();
            }
            connection.commit();
        }
    }

    private long sessions() throws SQLException {
        try (Connection connection = connect();
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM user_session")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

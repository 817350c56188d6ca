package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cleanup among 250,000 live and 250,000 dead sessions reads only the dead rows it deletes (a batch of 500 that read
 * by any other plan would read hundreds of thousands: the size only has to dwarf the batch, and a million each took
 * 80 s of the suite for the same proof). H2's
 * {@code EXPLAIN ANALYZE} runs every statement a batch sends (with its own parameters, DML inside a
 * savepoint that is rolled back) and reports how many rows each one read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class SessionCleanupAtScaleTest {
    private static final int LIVE = 250_000;
    private static final int DEAD = 250_000;
    private static final int BATCH = 500;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant IDLE_CUTOFF = NOW.minus(Duration.ofHours(2));
    private static final AppId APP = new AppId("wxcleanupscale001");

    private final Database database = TestDatabases.inMemory();
    private final JdbiSessionStorageAdapter sessions = new JdbiSessionStorageAdapter(database.jdbi(),
            TestDatabases.cipher());
    private final RowsRead rowsRead = new RowsRead();

    /**
     * The dead: one batch past their absolute expiry, the rest idle, and in the expiry index behind
     * every live row, so that a plan walking that index would have to pass all the live ones.
     */
    @BeforeAll
    void aQuarterMillionLiveAndAQuarterMillionDeadSessions() {
        User user = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher()).recordLogin(APP,
                new WeChatIdentity(new OpenId("o-many"), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")),
                NOW).user();
        long now = NOW.toEpochMilli();
        long cutoff = IDLE_CUTOFF.toEpochMilli();
        long day = Duration.ofDays(1).toMillis();
        fill("l", LIVE, user, (now - 1000) + " - X", (now + day) + " + X");
        fill("d", DEAD, user,
                "CASE WHEN X <= %d THEN %d ELSE %d - X END".formatted(BATCH, now - 1000, cutoff),
                "CASE WHEN X <= %d THEN %d - X ELSE %d + X END".formatted(BATCH, now, now + 2 * day));
        database.jdbi().getConfig(SqlStatements.class).addCustomizer(rowsRead);
    }

    /** Ids and token hashes in the order of their indexes, which keeps the fill fast. */
    private void fill(String prefix, int rows, User user, String lastSeenAt, String expiresAt) {
        database.jdbi().useHandle(handle -> handle.createUpdate("""
                        INSERT INTO user_session (id, token_hash, account_id, user_id, app_id, method, created_at,
                                                  last_seen_at, expires_at)
                        SELECT :prefix || LPAD(X, 12, '0'), :prefix || LPAD(X, 63, '0'), :account, :user, :app, 'wechat',
                               %d, %s, %s
                          FROM SYSTEM_RANGE(1, %d)""".formatted(NOW.minus(Duration.ofDays(1)).toEpochMilli(),
                        lastSeenAt, expiresAt, rows))
                .bind("prefix", prefix).bind("account", user.accountId().value()).bind("user", user.id().value()).bind("app", APP.value())
                .execute());
    }

    @AfterAll
    void closeDatabase() {
        database.close();
    }

    private long count(String where) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM user_session WHERE " + where)
                .mapTo(Long.class).one());
    }

    @Test
    void eachBatchReadsOnlyTheDeadRowsItDeletesWhetherPastExpiryOrIdle() {
        for (String kind : List.of("past their expiry", "idle")) {
            int deleted = rowsRead.counting(() -> sessions.deleteExpired(NOW, IDLE_CUTOFF, BATCH));

            assertThat(deleted).as("deleted %s", kind).isEqualTo(BATCH);
            // each deleted row is read once to find it and once to delete it; each index range read ends
            // on one row beyond it
            assertThat(rowsRead.rows).as("rows read by a batch deleting sessions %s: %s", kind, rowsRead.plans)
                    .isLessThanOrEqualTo(2L * deleted + rowsRead.statements);
        }

        assertThat(count("id LIKE 'l%'")).isEqualTo(LIVE);
        assertThat(count("id LIKE 'd%'")).isEqualTo(DEAD - 2L * BATCH);
    }

    /** The rows read by the statements that some work sent, as {@code EXPLAIN ANALYZE} counts them. */
    private static final class RowsRead implements StatementCustomizer {
        private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
        private volatile boolean counting;
        private long rows;
        private int statements;
        private final StringBuilder plans = new StringBuilder();

        <T> T counting(Supplier<T> work) {
            rows = 0;
            statements = 0;
            plans.setLength(0);
            counting = true;
            try {
                return work.get();
            } finally {
                counting = false;
            }
        }

        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
            if (!counting) {
                return;
            }
            ParsedSql sql = ctx.getParsedSql();
            Connection connection = ctx.getConnection();
            boolean query = sql.getSql().stripLeading().regionMatches(true, 0, "SELECT", 0, 6);
            Savepoint undo = query ? null : connection.setSavepoint();
            try (PreparedStatement explain = connection.prepareStatement("EXPLAIN ANALYZE " + sql.getSql())) {
                List<String> names = sql.getParameters().getParameterNames();
                for (int i = 0; i < names.size(); i++) {
                    ctx.getBinding().findForName(names.get(i), ctx).orElseThrow().apply(i + 1, explain, ctx);
                }
                try (ResultSet plan = explain.executeQuery()) {
                    plan.next();
                    record(plan.getString(1));
                }
            } finally {
                if (undo != null) {
                    connection.rollback(undo);
                }
            }
        }

        private void record(String plan) {
            statements++;
            plans.append('\n').append(plan.substring(0, Math.min(plan.length(), 160)).replace('\n', ' '));
            for (Matcher m = SCAN_COUNT.matcher(plan); m.find(); ) {
                rows += Long.parseLong(m.group(1));
                plans.append(" ... ").append(m.group());
            }
        }
    }
}

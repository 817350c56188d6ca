package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.session.TokenHash;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.generic.GenericType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema is created from nothing by the migrations, on every engine. */
@OnEveryEngine
class MigrationsTest {
    private final TestDatabase empty;
    private final DatabaseClock family;

    MigrationsTest(Engine engine) {
        empty = engine.createDatabase();
        family = TestDatabases.dialectOf(engine);
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(empty.url(), empty.user(), empty.password())
                .locations(Migrations.locations(family)).load();
    }

    @Test
    void anEmptyDatabaseGetsTheWholeSchema() {
        try (Database database = Database.open(empty.settings(2))) {
            for (String table : List.of("app_user", "user_session", "exchanged_code")) {
                long rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class).one());
                assertThat(rows).as(table).isZero();
            }
        }
        MigrationInfo[] applied = flyway().info().applied();
        assertThat(applied).isNotEmpty().allSatisfy(
                migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway().info().pending()).isEmpty();
    }

    @Test
    void reopeningAppliesNothingAndTheSchemaStillValidates() {
        Database.open(empty.settings(2)).close();
        int applied = flyway().info().applied().length;

        try (Database reopened = Database.open(empty.settings(2))) {
            assertThat(reopened.isReachable()).isTrue();
        }

        assertThat(flyway().validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway().info().applied()).hasSize(applied);
        assertThat(flyway().info().pending()).isEmpty();
    }

    /**
     * Users from before accounts (V7) get one each, except that users who share a unionid share one, which their
     * unionid leads to afterwards, as a new login's would.
     */
    @Test
    void usersFromBeforeAccountsGetOneAndThoseSharingAUnionIdShareIt() {
        Flyway.configure().dataSource(empty.url(), empty.user(), empty.password())
                .locations(Migrations.locations(family)).target("6.1").load().migrate();
        Jdbi.create(empty.url(), empty.user(), empty.password()).useHandle(h -> {
            insertUser(h, "u_shop", "wxmigrate00000001", "o-shop", "un-person");
            insertUser(h, "u_card", "wxmigrate00000002", "o-card", "un-person");
            insertUser(h, "u_alone", "wxmigrate00000001", "o-alone", null);
            insertUser(h, "u_other", "wxmigrate00000002", "o-other", "un-other");
        });

        try (Database after = Database.open(empty.settings(2))) {
            Map<String, String> accounts = after.jdbi().withHandle(h -> h.createQuery("SELECT id, account_id FROM app_user")
                    .setMapKeyColumn("id").setMapValueColumn("account_id").collectInto(new GenericType<Map<String, String>>() {}));
            assertThat(accounts.get("u_shop")).isEqualTo(accounts.get("u_card"));
            assertThat(Set.copyOf(accounts.values())).hasSize(3);
            long accountRows = after.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM account").mapTo(Long.class).one());
            assertThat(accountRows).isEqualTo(3);
            var users = new JdbiUserStorageAdapter(after.jdbi(), TestDatabases.cipher());
            var later = users.recordLogin(new AppId("wxmigrate00000003"), new WeChatIdentity(new OpenId("o-third"),
                    Optional.of(new UnionId("un-person")), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), Instant.now());
            assertThat(later.user().accountId().value()).isEqualTo(accounts.get("u_shop"));
        }
    }

    /** Sessions from before V9 belong to their user's account and were started with WeChat. */
    @Test
    void sessionsFromBeforeAccountsOwnedThemGetTheirUsersAccountAndTheWeChatMethod() {
        Flyway.configure().dataSource(empty.url(), empty.user(), empty.password())
                .locations(Migrations.locations(family)).target("8.3").load().migrate();
        Jdbi before = Jdbi.create(empty.url(), empty.user(), empty.password());
        AppId app = new AppId("wxmigrate00000001");
        User user = new JdbiUserStorageAdapter(before, TestDatabases.cipher()).recordLogin(app,
                new WeChatIdentity(new OpenId("o-session"), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")),
                Instant.now()).user();
        TokenHash hash = SessionToken.generate().hash();
        before.useHandle(h -> h.createUpdate("""
                        INSERT INTO user_session (id, token_hash, user_id, app_id, created_at, last_seen_at, expires_at)
                        VALUES ('s_before', :hash, :user, :app, 1, 1, 2)""")
                .bind("hash", hash.value()).bind("user", user.id().value()).bind("app", app.value()).execute());

        try (Database after = Database.open(empty.settings(2))) {
            Session session = new JdbiSessionStorageAdapter(after.jdbi(), TestDatabases.cipher()).findByTokenHash(hash)
                    .orElseThrow();
            assertThat(session.accountId()).isEqualTo(user.accountId());
            assertThat(session.userId()).contains(user.id());
            assertThat(session.appId()).contains(app);
            assertThat(session.method()).isEqualTo(LoginMethod.WECHAT);
        }
    }

    private static void insertUser(Handle handle, String id, String app, String openId, String unionId) {
        handle.createUpdate("""
                        INSERT INTO app_user (id, app_id, openid, unionid, created_at, last_login_at)
                        VALUES (:id, :app, :openId, :unionId, 1700000000000, 1700000000000)""")
                .bind("id", id).bind("app", app).bind("openId", openId).bind("unionId", unionId).execute();
    }

    @Test
    void aClosedDatabaseIsNotReachable() {
        Database database = Database.open(empty.settings(2));

        database.close();

        assertThat(database.isReachable()).isFalse();
    }
}

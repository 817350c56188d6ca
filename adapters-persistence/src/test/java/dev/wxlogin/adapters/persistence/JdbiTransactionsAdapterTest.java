package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The adapters take part in the transaction the calling thread has open, with nothing passed through the ports. */
@ParameterizedClass
@EnumSource(Engine.class)
class JdbiTransactionsAdapterTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final AppId APP = new AppId("wxtransaction0001");

    private final Database database;
    private final JdbiTransactionsAdapter transactions;
    private final JdbiUserStorageAdapter users;
    private final JdbiSessionStorageAdapter sessions;

    JdbiTransactionsAdapterTest(Engine engine) {
        database = TestDatabases.open(engine);
        transactions = new JdbiTransactionsAdapter(database.jdbi());
        users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
        sessions = new JdbiSessionStorageAdapter(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static WeChatIdentity identity(String openId) {
        return new WeChatIdentity(new OpenId(openId), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
    }

    private int rows(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    @Test
    void aRuntimeExceptionRollsBackEverythingAndIsRethrownAsItIs() {
        var failure = new IllegalStateException("after the writes");

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            User user = users.recordLogin(APP, identity("o-rolled-back"), NOW).user();
            sessions.insert(Session.start(SessionToken.generate().hash(), user.id(), APP, ClientInfo.unknown(), NOW,
                    SessionPolicy.DEFAULT));
            throw failure;
        })).isSameAs(failure);

        assertThat(rows("app_user")).isZero();
        assertThat(rows("user_session")).isZero();
    }

    @Test
    void theAdaptersSeeEachOthersWritesInsideTheTransaction() {
        Session found = transactions.inTransaction(() -> {
            User user = users.recordLogin(APP, identity("o-same-handle"), NOW).user();
            Session session = Session.start(SessionToken.generate().hash(), user.id(), APP, ClientInfo.unknown(), NOW,
                    SessionPolicy.DEFAULT);
            sessions.insert(session); // the foreign key needs the uncommitted user: same connection
            assertThat(users.findById(user.id())).contains(user);
            return sessions.findByTokenHash(session.tokenHash()).orElseThrow();
        });

        assertThat(sessions.findByTokenHash(found.tokenHash())).contains(found);
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            transactions.inTransaction(() -> users.recordLogin(APP, identity("o-nested"), NOW));
            throw new IllegalStateException("outer fails after the inner one returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rows("app_user")).isZero();
    }

    @Test
    @Timeout(30)
    void otherThreadsSeeTheWritesOnlyOnceTheyAreCommitted() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            Future<User> writer = thread.submit(() -> transactions.inTransaction(() -> {
                User user = users.recordLogin(APP, identity("o-uncommitted"), NOW).user();
                written.countDown();
                await(commit);
                return user;
            }));
            written.await();

            assertThat(rows("app_user")).isZero();
            commit.countDown();
            User user = writer.get();

            assertThat(users.findById(user.id())).contains(user);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

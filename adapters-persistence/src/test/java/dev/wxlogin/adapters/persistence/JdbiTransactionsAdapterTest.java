package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForRunningTransactionsContract;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapters take part in the transaction the calling thread has open, with nothing passed through the ports. */
@OnEveryEngine
class JdbiTransactionsAdapterTest extends ForRunningTransactionsContract {
    private static final AppId APP = new AppId("wxtransaction0001");

    private final Database database;
    private final JdbiTransactionsAdapter transactions;
    private final JdbiUserStorageAdapter users;
    private final JdbiSessionStorageAdapter sessions;

    JdbiTransactionsAdapterTest(Engine engine) {
        database = TestDatabases.open(engine);
        transactions = new JdbiTransactionsAdapter(database.jdbi());
        users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
        sessions = new JdbiSessionStorageAdapter(database.jdbi(), TestDatabases.cipher());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ForRunningTransactions transactions() {
        return transactions;
    }

    @Override
    protected ForStoringUsers users() {
        return users;
    }

    @Override
    protected ForStoringSessions sessions() {
        return sessions;
    }

    private int rows(String table) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    @Test
    @Timeout(30)
    void otherThreadsSeeTheWritesOnlyOnceTheyAreCommitted() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            Future<User> writer = thread.submit(() -> transactions.inTransaction(() -> {
                User user = users.recordLogin(APP, new WeChatIdentity(new OpenId("o-uncommitted"), Optional.empty(),
                        new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), NOW).user();
                written.countDown();
                Latches.await(commit);
                return user;
            }));
            written.await();

            assertThat(rows("app_user")).isZero();
            commit.countDown();
            User user = writer.get();

            assertThat(users.findById(user.id())).contains(user);
        }
    }
}

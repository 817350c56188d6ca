package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.port.out.ForStoringUsersContract;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@OnEveryEngine
class JdbiUserStorageAdapterTest extends ForStoringUsersContract {
    private final Engine engine;
    private final Database database;
    private final JdbiUserStorageAdapter users;
    private final JdbiTransactionsAdapter transactions;

    JdbiUserStorageAdapterTest(Engine engine) {
        this.engine = engine;
        database = TestDatabases.open(engine);
        users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
        transactions = new JdbiTransactionsAdapter(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ForStoringUsers users() {
        return users;
    }

    @Override
    protected ForRunningTransactions transactions() {
        return transactions;
    }

    @Test
    void aLoginOutsideATransactionIsRecordedToo() {
        UserId id = users.recordLogin(APP, identity("o-no-tx", "u-no-tx"), NOW).user().id();

        assertThat(users.findById(id)).isPresent();
        assertThat(users.sessionKeyOf(id)).isPresent();
    }

    /** MariaDB's and MySQL's usual collations ignore case; the schema must not. */
    @Test
    void openIdsThatDifferOnlyInCaseAreDifferentUsers() {
        UserId lower = users.recordLogin(APP, identity("o-case", null), NOW).user().id();

        var upper = users.recordLogin(APP, identity("O-CASE", null), NOW);

        assertThat(upper.created()).isTrue();
        assertThat(upper.user().id()).isNotEqualTo(lower);
        assertThat(users.findById(lower).orElseThrow().openId().value()).isEqualTo("o-case");
    }

    @Test
    @Timeout(30)
    void aLoginWaitsUntilTheOpenLoginOfTheSameUserEnds() throws Exception {
        UserId id = users.recordLogin(APP, identity("o-locked", null), NOW).user().id();
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> first = threads.submit(() -> transactions.inTransaction(() -> {
                users.recordLogin(APP, identity("o-locked", "u-first"), NOW.plusSeconds(1));
                firstHoldsTheLock.countDown();
                Latches.await(releaseFirst);
                return null;
            }));
            firstHoldsTheLock.await();

            Future<ForStoringUsers.RecordedLogin> second = threads.submit(() -> transactions.inTransaction(
                    () -> users.recordLogin(APP, identity("o-locked", null), NOW.plusSeconds(2))));
            TestDatabases.awaitATransactionWaitingForALock(engine, database.jdbi());
            assertThat(second).isNotDone();
            releaseFirst.countDown();

            first.get();
            assertThat(second.get().user().unionId()).map(Object::toString).contains("u-first");
        }
        assertThat(users.findById(id).orElseThrow().unionId()).map(Object::toString).contains("u-first");
    }

    @Test
    @Timeout(30)
    void aLoginWaitsUntilTheOpenBindOfTheSameUserEnds() throws Exception {
        User user = users.recordLogin(APP, identity("o-bind-locked", null), NOW).user();
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<ForStoringUsers.Binding> bind = threads.submit(() -> transactions.inTransaction(() -> {
                var binding = users.bindToAccount(APP, identity("o-bind-locked", "u-bind-locked"), user.accountId(),
                        NOW.plusSeconds(1));
                firstHoldsTheLock.countDown();
                Latches.await(releaseFirst);
                return binding;
            }));
            firstHoldsTheLock.await();

            Future<ForStoringUsers.RecordedLogin> login = threads.submit(() -> transactions.inTransaction(
                    () -> users.recordLogin(APP, identity("o-bind-locked", null), NOW.plusSeconds(2))));
            TestDatabases.awaitATransactionWaitingForALock(engine, database.jdbi());
            assertThat(login).isNotDone();
            releaseFirst.countDown();

            assertThat(bind.get().outcome()).isEqualTo(ForStoringUsers.BindOutcome.BOUND);
            assertThat(login.get().user().unionId()).map(Object::toString).contains("u-bind-locked");
        }
    }
}

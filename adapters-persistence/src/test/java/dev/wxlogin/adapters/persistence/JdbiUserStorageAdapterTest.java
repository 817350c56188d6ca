package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.port.out.ForStoringUsersContract;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class JdbiUserStorageAdapterTest extends ForStoringUsersContract {
    private final Database database = TestDatabases.inMemory();
    private final JdbiUserStorageAdapter users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
    private final JdbiTransactionsAdapter transactions = new JdbiTransactionsAdapter(database.jdbi());

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
                await(releaseFirst);
                return null;
            }));
            firstHoldsTheLock.await();

            Future<ForStoringUsers.RecordedLogin> second = threads.submit(() -> transactions.inTransaction(
                    () -> users.recordLogin(APP, identity("o-locked", null), NOW.plusSeconds(2))));
            awaitASessionBlockedByAnother();
            assertThat(second).isNotDone();
            releaseFirst.countDown();

            first.get();
            assertThat(second.get().user().unionId()).map(Object::toString).contains("u-first");
        }
        assertThat(users.findById(id).orElseThrow().unionId()).map(Object::toString).contains("u-first");
    }

    /** H2 lists who waits for whose lock; no sleeping and hoping. */
    private void awaitASessionBlockedByAnother() {
        while (database.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL").mapTo(Integer.class).one()) == 0) {
            Thread.onSpinWait();
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

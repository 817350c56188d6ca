package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.port.out.ForStoringPasswords;
import dev.wxlogin.domain.port.out.ForStoringPasswordsContract;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@OnEveryEngine
class JdbiPasswordStorageAdapterTest extends ForStoringPasswordsContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final PasswordHash HASH = new PasswordHash("$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA");

    private final Engine engine;
    private final Database database;
    private final JdbiPasswordStorageAdapter passwords;
    private final JdbiUserStorageAdapter users;
    private final JdbiTransactionsAdapter transactions;

    JdbiPasswordStorageAdapterTest(Engine engine) {
        this.engine = engine;
        database = TestDatabases.open(engine);
        passwords = new JdbiPasswordStorageAdapter(database.jdbi());
        users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
        transactions = new JdbiTransactionsAdapter(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ForStoringPasswords passwords() {
        return passwords;
    }

    @Override
    protected ForStoringUsers users() {
        return users;
    }

    /** The name is an identity of the account, as a unionid is, so a merge of accounts carries it (and its hash) along. */
    @Test
    void aNameIsStoredAsAnIdentityOfItsAccountInItsNormalisedForm() {
        var account = passwords.register(new Username("\uff21lice"), HASH, NOW).orElseThrow();

        String holder = database.jdbi().withHandle(h -> h.createQuery(
                        "SELECT account_id FROM account_identity WHERE provider = 'username' AND subject = 'alice'")
                .mapTo(String.class).one());
        assertThat(holder).isEqualTo(account.value());
    }

    /** The second waits for the first's lock, not merely for its name: it sees the name the first added. */
    @Test
    @Timeout(30)
    void aTransactionLockingAnAccountWaitsUntilTheOneHoldingItsLockEnds() throws Exception {
        AccountId account = passwords.register(new Username("locked"), HASH, NOW).orElseThrow();
        AccountId another = passwords.register(new Username("unlocked"), HASH, NOW).orElseThrow();
        CountDownLatch firstHoldsTheLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> first = threads.submit(() -> transactions.inTransaction(() -> {
                passwords.lockAccount(account);
                passwords.addUsername(account, new Username("added-while-locked"), HASH, NOW.plusSeconds(1));
                firstHoldsTheLock.countDown();
                Latches.await(releaseFirst);
                return null;
            }));
            firstHoldsTheLock.await();
            transactions.inTransaction(() -> {
                passwords.lockAccount(another); // another account's lock is free
                return null;
            });

            Future<List<Username>> second = threads.submit(() -> transactions.inTransaction(() -> {
                passwords.lockAccount(account);
                return passwords.usernamesOf(account);
            }));
            TestDatabases.awaitATransactionWaitingForALock(engine, database.jdbi());
            assertThat(second).isNotDone();
            releaseFirst.countDown();

            first.get();
            assertThat(second.get()).containsExactly(new Username("locked"), new Username("added-while-locked"));
        }
    }

    /** A lock outside a transaction would be gone before the caller could rely on it. */
    @Test
    void lockingAnAccountOutsideATransactionIsABug() {
        AccountId account = passwords.register(new Username("no-tx"), HASH, NOW).orElseThrow();

        assertThatThrownBy(() -> passwords.lockAccount(account)).isInstanceOf(IllegalStateException.class);
    }
}

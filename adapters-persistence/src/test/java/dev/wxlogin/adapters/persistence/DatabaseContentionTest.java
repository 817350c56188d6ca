package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two real transactions on one database of each engine, one holding a row lock the other needs. */
@Timeout(30)
@OnEveryEngine
class DatabaseContentionTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration IDLE = Duration.ofHours(2);
    private static final AppId APP = new AppId("wxcontention00001");

    private final Database database;
    private final JdbiTransactionsAdapter transactions;
    private final JdbiUserStorageAdapter users;
    private final JdbiSessionStorageAdapter sessions;
    private final ExecutorService otherTransaction = Executors.newSingleThreadExecutor();

    DatabaseContentionTest(Engine engine) {
        database = TestDatabases.withLockTimeout(engine, 200);
        transactions = new JdbiTransactionsAdapter(database.jdbi());
        users = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher());
        sessions = new JdbiSessionStorageAdapter(database.jdbi(), TestDatabases.cipher());
    }

    @AfterEach
    void close() {
        otherTransaction.shutdownNow();
        database.close();
    }

    private static WeChatIdentity identity(String openId) {
        return new WeChatIdentity(new OpenId(openId), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
    }

    private User user(String openId) {
        return transactions.inTransaction(() -> users.recordLogin(APP, identity(openId), NOW)).user();
    }

    private Session stored(User user, Instant lastSeenAt, Instant expiresAt) {
        Session session = new Session(SessionId.random(), SessionToken.generate().hash(), user.accountId(),
                Optional.of(user.id()), Optional.of(APP), LoginMethod.WECHAT, ClientInfo.unknown(),
                lastSeenAt.minusSeconds(60), lastSeenAt, expiresAt, Optional.empty(), Optional.empty());
        sessions.insert(session);
        return session;
    }

    /** A transaction on another thread that has taken its locks and stays open until closed (then it commits). */
    private final class HeldLocks implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final Future<?> holder;

        HeldLocks(Consumer<Handle> lock) throws InterruptedException {
            CountDownLatch locked = new CountDownLatch(1);
            holder = otherTransaction.submit(() -> {
                database.jdbi().useTransaction(handle -> {
                    lock.accept(handle);
                    locked.countDown();
                    release.await();
                });
                return null;
            });
            locked.await();
        }

        @Override
        public void close() throws Exception {
            release.countDown();
            holder.get();
        }
    }

    @Test
    void aLockWaitThatTimesOutIsStorageBusyAndItsTransactionLeavesNothingBehind() throws Exception {
        user("o-alice");
        User bob = user("o-bob");
        Session bobs = new Session(SessionId.random(), SessionToken.generate().hash(), bob.accountId(),
                Optional.of(bob.id()), Optional.of(APP), LoginMethod.WECHAT, ClientInfo.unknown(),
                NOW, NOW, NOW.plus(IDLE), Optional.empty(), Optional.empty());

        try (HeldLocks ignored = new HeldLocks(handle -> users.recordLogin(APP, identity("o-alice"), NOW))) {
            assertThatThrownBy(() -> transactions.inTransaction(() -> {
                sessions.insert(bobs);
                return users.recordLogin(APP, identity("o-alice"), NOW.plusSeconds(1)); // waits for alice's row
            })).isInstanceOf(StorageBusy.class);
        }

        assertThat(sessions.findByTokenHash(bobs.tokenHash())).isEmpty();
    }

    @Test
    void endingAllSessionsWaitsForNoLockOnASessionThatHasExpired() throws Exception {
        assertEndingAllWaitsForNoLockOnExpiredSessions(alice -> sessions.endAll(alice.id(), EndReason.REVOKED, NOW,
                NOW.minus(IDLE)));
    }

    @Test
    void endingAllSessionsOfAnAccountWaitsForNoLockOnASessionThatHasExpired() throws Exception {
        assertEndingAllWaitsForNoLockOnExpiredSessions(alice -> sessions.endAllOfAccount(alice.accountId(),
                Optional.empty(), EndReason.REVOKED, NOW, NOW.minus(IDLE)));
    }

    /** While a cleanup batch holds the rows of alice's expired and idle sessions, {@code endAll} ends her live one. */
    private void assertEndingAllWaitsForNoLockOnExpiredSessions(ToIntFunction<User> endAll) throws Exception {
        User alice = user("o-alice");
        Session live = stored(alice, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
        Session expired = stored(alice, NOW.minusSeconds(60), NOW.minusSeconds(1));
        Session idledOut = stored(alice, NOW.minus(IDLE).minusSeconds(1), NOW.plus(Duration.ofDays(1)));
        int ended;

        try (HeldLocks ignored = new HeldLocks(handle -> handle.createUpdate( // as a cleanup batch does
                        "DELETE FROM user_session WHERE id IN (:expired, :idle)")
                .bind("expired", expired.id().value()).bind("idle", idledOut.id().value()).execute())) {
            ended = endAll.applyAsInt(alice);
        }

        assertThat(ended).isEqualTo(1);
        assertThat(sessions.findByTokenHash(live.tokenHash()).orElseThrow().endReason()).contains(EndReason.REVOKED);
    }
}

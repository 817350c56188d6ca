package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.StorageBusy;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** C6: cleanup on several instances at once, under login and request traffic. */
@OnEveryEngine
class SessionCleanupConcurrencyTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration IDLE = Duration.ofHours(2);
    private static final Instant IDLE_CUTOFF = NOW.minus(IDLE);
    private static final AppId APP = new AppId("wxcleanup00000001");
    private static final int DEAD = 3000;
    private static final int CLEANERS = 4;
    private static final int INSERTERS = 2;
    private static final int INSERTED_EACH = 200;
    private static final int TOUCHERS = 2;
    private static final int BATCH = 100;

    private final Database database;
    private final JdbiSessionStorageAdapter sessions;
    private final JdbiTransactionsAdapter transactions;
    private final User user;

    SessionCleanupConcurrencyTest(Engine engine) {
        database = TestDatabases.open(engine);
        sessions = new JdbiSessionStorageAdapter(database.jdbi(), TestDatabases.cipher());
        transactions = new JdbiTransactionsAdapter(database.jdbi());
        user = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher())
                .recordLogin(APP, new WeChatIdentity(new OpenId("o-cleanup"), Optional.empty(),
                        new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), NOW.minus(Duration.ofDays(30)))
                .user();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private Session session(Instant lastSeenAt, Instant expiresAt) {
        return new Session(SessionId.random(), SessionToken.generate().hash(), user.accountId(),
                Optional.of(user.id()), Optional.of(APP), LoginMethod.WECHAT, ClientInfo.unknown(),
                lastSeenAt.minusSeconds(60), lastSeenAt, expiresAt, Optional.empty(), Optional.empty());
    }

    private Session live() {
        return session(NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
    }

    private List<Session> store(int count, IntFunction<Session> make) {
        List<Session> stored = IntStream.range(0, count).mapToObj(make).toList();
        transactions.inTransaction(() -> {
            stored.forEach(sessions::insert);
            return null;
        });
        return stored;
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // fails even if a statement never returns
    void concurrentCleanupsRemoveEveryDeadSessionAndNoLiveOne() throws Exception {
        // half reached their absolute expiry, half idled out
        store(DEAD, i -> i % 2 == 0
                ? session(NOW.minusSeconds(60), NOW.minusSeconds(i))
                : session(IDLE_CUTOFF.minusSeconds(i), NOW.plus(Duration.ofDays(1))));
        List<Session> liveBefore = store(100, i -> live());
        Queue<Session> liveDuring = new ConcurrentLinkedQueue<>();
        AtomicBoolean cleaning = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> cleaners = new ArrayList<>();
        List<Future<?>> traffic = new ArrayList<>();

        try (ExecutorService threads = Executors.newFixedThreadPool(CLEANERS + INSERTERS + TOUCHERS)) {
            for (int i = 0; i < CLEANERS; i++) {
                cleaners.add(threads.submit(started(start, this::cleanUntilNothingIsLeft)));
            }
            for (int i = 0; i < INSERTERS; i++) {
                traffic.add(threads.submit(started(start, () -> {
                    for (int n = 0; n < INSERTED_EACH; n++) {
                        Session session = live();
                        transactions.inTransaction(() -> {
                            sessions.insert(session);
                            return sessions.findLive(user.id(), NOW, IDLE_CUTOFF);
                        });
                        liveDuring.add(session);
                    }
                    return null;
                })));
            }
            for (int i = 0; i < TOUCHERS; i++) {
                traffic.add(threads.submit(started(start, () -> {
                    do {
                        for (Session session : liveBefore) {
                            sessions.touch(session.id(), NOW, IDLE_CUTOFF); // only the first lands: time never runs back
                        }
                    } while (cleaning.get());
                    return null;
                })));
            }
            start.countDown();

            int deleted = 0;
            try {
                for (Future<Integer> cleaner : cleaners) {
                    deleted += cleaner.get();
                }
            } finally {
                // whatever became of the cleaners: closing the pool waits for the touchers, which loop until this
                cleaning.set(false);
            }
            for (Future<?> other : traffic) {
                other.get();
            }
            assertThat(deleted).isEqualTo(DEAD);
        }

        assertThat(sessions.deleteExpired(NOW, IDLE_CUTOFF, BATCH)).isZero();
        assertThat(sessions.findLive(user.id(), NOW, IDLE_CUTOFF)).hasSize(liveBefore.size() + INSERTERS * INSERTED_EACH);
        for (Session session : liveBefore) {
            assertThat(sessions.findByTokenHash(session.tokenHash())).hasValueSatisfying(
                    touched -> assertThat(touched.lastSeenAt()).isEqualTo(NOW));
        }
        for (Session session : liveDuring) {
            assertThat(sessions.findByTokenHash(session.tokenHash())).contains(session);
        }
    }

    /**
     * What one instance's cleanup job does. A batch that lost a conflict with another instance's batch (a deadlock
     * victim twice over) was rolled back whole and deleted nothing; the job tries again on its next run.
     */
    private int cleanUntilNothingIsLeft() {
        int deleted = 0;
        while (true) {
            int batch;
            try {
                batch = sessions.deleteExpired(NOW, IDLE_CUTOFF, BATCH);
            } catch (StorageBusy rolledBack) {
                continue;
            }
            if (batch == 0) {
                return deleted;
            }
            deleted += batch;
        }
    }

    private static <T> Callable<T> started(CountDownLatch start, Callable<T> work) {
        return () -> {
            start.await();
            return work.call();
        };
    }
}

package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.DatabaseServer;
import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.StorageUnavailable;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database server that stops answering: every adapter call reports the domain's StorageUnavailable. Once it is
 * back, the same pool serves again by itself, and what was committed before is there.
 */
@OnEveryEngine
class DatabaseDownTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final AppId APP = new AppId("wxdatabasedown001");

    private final DatabaseServer server;
    private final Database database;
    private final JdbiSessionStorageAdapter sessions;

    DatabaseDownTest(Engine engine) {
        server = engine.startServer();
        database = Database.open(server.createDatabase().settings(2));
        sessions = new JdbiSessionStorageAdapter(database.jdbi(), TestDatabases.cipher());
    }

    @AfterEach
    void stop() {
        database.close();
        server.close();
    }

    @Test
    void aStoppedDatabaseServerMakesStorageUnavailableAndUnreadyUntilItIsBack() throws InterruptedException {
        User user = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher()).recordLogin(APP,
                new WeChatIdentity(new OpenId("o-down"), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")),
                NOW).user();
        Session committed = Session.start(SessionToken.generate().hash(), user, APP, ClientInfo.unknown(), NOW,
                SessionPolicy.DEFAULT);
        sessions.insert(committed);

        server.stop();

        assertThatThrownBy(() -> sessions.findByTokenHash(committed.tokenHash())).isInstanceOf(StorageUnavailable.class);
        assertThat(database.isReachable()).isFalse();

        server.start();

        awaitReachable();
        assertThat(sessions.findByTokenHash(committed.tokenHash())).contains(committed);
    }

    /** Each failed attempt evicts a dead connection; a handful of attempts replace the whole small pool. */
    private void awaitReachable() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!database.isReachable()) {
            assertThat(System.nanoTime() - deadline).as("reachable again within 15 s").isNegative();
            Thread.sleep(50);
        }
    }
}

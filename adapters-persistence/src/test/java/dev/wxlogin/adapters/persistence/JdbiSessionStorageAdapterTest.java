package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringSessionsContract;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.app.AppId;
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

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@OnEveryEngine
class JdbiSessionStorageAdapterTest extends ForStoringSessionsContract {
    private final Database database;
    private final JdbiSessionStorageAdapter sessions;
    private final JdbiUserStorageAdapter users;
    private final JdbiTransactionsAdapter transactions;

    JdbiSessionStorageAdapterTest(Engine engine) {
        database = TestDatabases.open(engine);
        SessionKeyCipher cipher = TestDatabases.cipher();
        sessions = new JdbiSessionStorageAdapter(database.jdbi(), cipher);
        users = new JdbiUserStorageAdapter(database.jdbi(), cipher);
        transactions = new JdbiTransactionsAdapter(database.jdbi());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ForStoringSessions sessions() {
        return sessions;
    }

    @Override
    protected ForStoringUsers users() {
        return users;
    }

    @Override
    protected ForRunningTransactions transactions() {
        return transactions;
    }

    /** The test servers run in UTC+8 on purpose: an instant must come back as it went in, to the millisecond. */
    @Test
    void instantsComeBackToTheMillisecondWhateverTheServersTimeZone() {
        AppId app = new AppId("wxmilliseconds001");
        Instant created = Instant.parse("2026-03-29T01:59:59.987Z");
        User user = users.recordLogin(app, new WeChatIdentity(new OpenId("o-millis"), Optional.empty(),
                new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), created).user();
        Session session = new Session(SessionId.random(), SessionToken.generate().hash(), user.accountId(),
                Optional.of(user.id()), Optional.of(app), LoginMethod.WECHAT,
                ClientInfo.unknown(), created, created.plusMillis(1), created.plusSeconds(86_400).plusMillis(13),
                Optional.empty(), Optional.empty());

        sessions.insert(session);

        assertThat(sessions.findByTokenHash(session.tokenHash())).contains(session);
        assertThat(users.findById(user.id()).orElseThrow().createdAt()).isEqualTo(created);
    }
}

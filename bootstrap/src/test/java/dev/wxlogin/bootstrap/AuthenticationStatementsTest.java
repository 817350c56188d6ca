package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.DatabaseSettings;
import dev.wxlogin.adapters.persistence.JdbiSessionStorageAdapter;
import dev.wxlogin.adapters.persistence.JdbiUserStorageAdapter;
import dev.wxlogin.adapters.persistence.SessionKeyCipher;
import dev.wxlogin.application.AuthenticationService;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every authenticated request authenticates its token first, and each pays what that costs: one statement, the
 * session read with its user, on the real adapters and H2 (the throttled renewal adds a write once per interval).
 */
class AuthenticationStatementsTest {
    private static final AppId APP = new AppId("wxstatements00001");
    /** The database keeps milliseconds: a user read back equals the one written. */
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final AtomicInteger statements = new AtomicInteger();
    @TempDir
    private Path dir;
    private Database database;
    private ForStoringSessions sessions;
    private User user;
    private AuthenticationService authentication;

    @BeforeEach
    void open() {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        database = Database.open(new DatabaseSettings(Database.h2FileUrl(dir), "sa", "", 2));
        SessionKeyCipher cipher = new SessionKeyCipher(dataKey, List.of());
        sessions = new JdbiSessionStorageAdapter(database.jdbi(), cipher);
        user = new JdbiUserStorageAdapter(database.jdbi(), cipher).recordLogin(APP, new WeChatIdentity(
                new OpenId("o-counted"), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), NOW).user();
        authentication = new AuthenticationService(sessions, Set.of(APP), SessionPolicy.DEFAULT,
                Clock.fixed(NOW.plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        database.jdbi().getConfig(SqlStatements.class).addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(PreparedStatement statement, StatementContext ctx) {
                statements.incrementAndGet();
            }
        });
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aWeChatSessionIsAuthenticatedWithOneStatement() {
        SessionToken token = SessionToken.generate();
        sessions.insert(Session.start(token.hash(), user, APP, ClientInfo.unknown(), NOW, SessionPolicy.DEFAULT));
        statements.set(0);

        assertThat(authentication.authenticate(token).weChatUser()).isEqualTo(user);
        assertThat(statements).hasValue(1);
    }

    @Test
    void aPasswordSessionIsAuthenticatedWithOneStatement() {
        SessionToken token = SessionToken.generate();
        sessions.insert(Session.startWithPassword(token.hash(), user.accountId(), ClientInfo.unknown(), NOW,
                SessionPolicy.DEFAULT));
        statements.set(0);

        assertThat(authentication.authenticate(token).accountId()).isEqualTo(user.accountId());
        assertThat(statements).hasValue(1);
    }
}

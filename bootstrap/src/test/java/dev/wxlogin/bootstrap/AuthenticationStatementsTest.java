package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.DatabaseSettings;
import dev.wxlogin.adapters.persistence.JdbiSessionStorageAdapter;
import dev.wxlogin.adapters.persistence.JdbiUserStorageAdapter;
import dev.wxlogin.adapters.persistence.SessionKeyCipher;
import dev.wxlogin.application.AuthenticationService;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.EndReason;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every authenticated request authenticates its token first, and each pays what that costs: one statement, the
 * session read with its user, on the real adapters and H2 (the throttled renewal adds a write once per interval).
 * On embedded H2, which only this process writes, the next requests of the same token read nothing, until a write
 * changes the session or its user: then the very next request reads it again.
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
    void theNextAuthenticationsReadNothingUntilTheSessionEnds() {
        SessionToken token = SessionToken.generate();
        Session session = Session.start(token.hash(), user, APP, ClientInfo.unknown(), NOW, SessionPolicy.DEFAULT);
        sessions.insert(session);
        authentication.authenticate(token);
        statements.set(0);

        assertThat(authentication.authenticate(token).weChatUser()).isEqualTo(user);
        assertThat(authentication.authenticate(token).weChatUser()).isEqualTo(user);
        assertThat(statements).hasValue(0);

        sessions.end(session.id(), EndReason.REVOKED, NOW);
        statements.set(0);
        assertThatThrownBy(() -> authentication.authenticate(token)).isInstanceOf(AuthenticationFailed.class);
        assertThat(statements).hasValue(1);
    }

    /**
     * Real threads authenticate one token in a loop while it is logged out: none that starts after the logout has
     * returned is let in, however many were answered from what was read before.
     */
    @Test
    void noAuthenticationThatStartsAfterALogoutReturnedSucceeds() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                SessionToken token = SessionToken.generate();
                Session session = Session.start(token.hash(), user, APP, ClientInfo.unknown(), NOW, SessionPolicy.DEFAULT);
                sessions.insert(session);
                AtomicBoolean loggedOut = new AtomicBoolean();
                AtomicInteger refusedAfter = new AtomicInteger();
                AtomicInteger admittedAfter = new AtomicInteger();
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    running.add(threads.submit(() -> {
                        while (refusedAfter.get() < 200) {
                            boolean after = loggedOut.get();
                            try {
                                authentication.authenticate(token);
                                if (after) {
                                    admittedAfter.incrementAndGet();
                                }
                            } catch (AuthenticationFailed refused) {
                                refusedAfter.incrementAndGet();
                            }
                        }
                    }));
                }
                Thread.sleep(2); // the threads are answered from what they read before
                assertThat(sessions.end(session.id(), EndReason.REVOKED, NOW)).isTrue();
                loggedOut.set(true);
                for (Future<?> thread : running) {
                    thread.get(30, TimeUnit.SECONDS);
                }
                assertThat(admittedAfter).as("round %d", round).hasValue(0);
            }
        } finally {
            threads.shutdownNow();
        }
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

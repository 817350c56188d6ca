package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance whose clock runs an hour fast writes logins and uses through the adapter; judged with a
 * correct clock, by the database's rule, the session still expires no later than the idle timeout plus
 * the tolerance after its real last use. On every engine: each tells the time in its own SQL.
 */
@OnEveryEngine
class FastClockTest {
    private static final SessionPolicy POLICY = SessionPolicy.DEFAULT;
    private static final Duration AHEAD = Duration.ofHours(1);
    private static final Duration TOLERANCE = Duration.ofMillis(DatabaseClock.TOLERANCE_MILLIS);
    private static final AppId APP = new AppId("wxfastclock000001");

    private final Database database;
    private final JdbiSessionStorageAdapter sessions;
    private final User user;

    FastClockTest(Engine engine) {
        database = TestDatabases.open(engine);
        sessions = new JdbiSessionStorageAdapter(database.jdbi(), TestDatabases.cipher());
        user = new JdbiUserStorageAdapter(database.jdbi(), TestDatabases.cipher())
                .recordLogin(APP, new WeChatIdentity(new OpenId("o-fast"), Optional.empty(),
                        new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), realNow()).user();
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    private static Instant realNow() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS); // what the database keeps
    }

    private Session login(Instant at) {
        Session session = Session.start(SessionToken.generate().hash(), user, APP, ClientInfo.unknown(), at, POLICY);
        sessions.insert(session);
        return session;
    }

    private Session stored(Session session) {
        return sessions.findByTokenHash(session.tokenHash()).orElseThrow();
    }

    /** Judged by a correct clock at {@code at}: neither the database's rule nor the session's own finds it live. */
    private void assertExpiredAt(Session session, Instant at) {
        assertThat(sessions.findLive(user.id(), at, POLICY.idleCutoff(at))).isEmpty();
        assertThat(stored(session).problemAt(at, POLICY)).contains(AuthenticationFailed.Reason.SESSION_EXPIRED);
    }

    @Test
    void aLoginOnAFastInstanceIsRecordedAtTheDatabasesTimeAtLatest() {
        Session session = login(realNow().plus(AHEAD));
        Instant loggedIn = realNow();

        Session stored = stored(session);
        assertThat(stored.createdAt()).isBeforeOrEqualTo(loggedIn.plus(TOLERANCE));
        assertThat(stored.lastSeenAt()).isBeforeOrEqualTo(loggedIn.plus(TOLERANCE));
        assertThat(Duration.between(stored.createdAt(), stored.expiresAt())).isEqualTo(POLICY.max());
        assertExpiredAt(session, loggedIn.plus(POLICY.idle()).plus(TOLERANCE));
    }

    @Test
    void aUseOnAFastInstanceCannotKeepTheSessionAlive() {
        Session session = login(realNow());
        Instant fast = realNow().plus(AHEAD);

        assertThat(sessions.touch(session.id(), fast, POLICY.idleCutoff(fast))).isTrue();
        Instant lastUsed = realNow();

        assertThat(stored(session).lastSeenAt()).isBeforeOrEqualTo(lastUsed.plus(TOLERANCE));
        assertExpiredAt(session, lastUsed.plus(POLICY.idle()).plus(TOLERANCE));
    }

    @Test
    void aClockAheadByLessThanTheToleranceIsTakenAtItsWord() {
        Session session = login(realNow());
        Instant slightlyAhead = realNow().plusSeconds(1);

        assertThat(sessions.touch(session.id(), slightlyAhead, POLICY.idleCutoff(slightlyAhead))).isTrue();

        assertThat(stored(session).lastSeenAt()).isEqualTo(slightlyAhead);
    }
}

package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ForRunningTransactions} does with the storage ports it spans; each implementation's
 * test extends this, with storage that takes part in its transactions.
 */
public abstract class ForRunningTransactionsContract {
    protected static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final AppId APP = new AppId("wxcontract0000001");

    protected abstract ForRunningTransactions transactions();

    protected abstract ForStoringUsers users();

    protected abstract ForStoringSessions sessions();

    private static WeChatIdentity identity(String openId) {
        return new WeChatIdentity(new OpenId(openId), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
    }

    /** A user logged in with one session, as the work of a transaction of its own. */
    private Session loggedIn(String openId) {
        return transactions().inTransaction(() -> {
            User user = users().recordLogin(APP, identity(openId), NOW).user();
            Session session = Session.start(SessionToken.generate().hash(), user, APP, ClientInfo.unknown(), NOW,
                    SessionPolicy.DEFAULT);
            sessions().insert(session);
            return session;
        });
    }

    private boolean stored(Session session) {
        return sessions().findByTokenHash(session.tokenHash()).isPresent();
    }

    @Test
    void theWorksWritesCommitTogetherAndItsResultIsReturned() {
        Session session = loggedIn("o-committed");

        assertThat(users().findById(session.userId().orElseThrow())).isPresent();
        assertThat(sessions().findByTokenHash(session.tokenHash())).contains(session);
    }

    @Test
    void theWorkSeesItsOwnWritesBeforeTheyCommit() {
        transactions().inTransaction(() -> {
            User user = users().recordLogin(APP, identity("o-own-writes"), NOW).user();
            Session session = Session.start(SessionToken.generate().hash(), user, APP, ClientInfo.unknown(), NOW,
                    SessionPolicy.DEFAULT);
            sessions().insert(session); // in a database, the foreign key needs the uncommitted user
            assertThat(users().findById(user.id())).contains(user);
            assertThat(sessions().findByTokenHash(session.tokenHash())).contains(session);
            return null;
        });
    }

    @Test
    void aRuntimeExceptionRollsBackEveryWriteInsideAndIsRethrownAsItIs() {
        Session earlier = loggedIn("o-earlier");
        AtomicReference<Session> inserted = new AtomicReference<>();
        RuntimeException failure = new IllegalStateException("after the writes");

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            User user = users().recordLogin(APP, identity("o-rolled-back"), NOW).user();
            inserted.set(Session.start(SessionToken.generate().hash(), user, APP, ClientInfo.unknown(), NOW,
                    SessionPolicy.DEFAULT));
            sessions().insert(inserted.get());
            users().disable(earlier.userId().orElseThrow(), NOW);
            sessions().end(earlier.id(), EndReason.REVOKED, NOW);
            throw failure;
        })).isSameAs(failure);

        assertThat(users().findById(inserted.get().userId().orElseThrow())).isEmpty();
        assertThat(stored(inserted.get())).isFalse();
        assertThat(users().findById(earlier.userId().orElseThrow()).orElseThrow().disabled()).isFalse();
        assertThat(sessions().findByTokenHash(earlier.tokenHash())).contains(earlier);
    }

    @Test
    void aNestedCallJoinsTheOuterTransactionAndRollsBackWithIt() {
        AtomicReference<Session> inner = new AtomicReference<>();

        assertThatThrownBy(() -> transactions().inTransaction(() -> {
            inner.set(loggedIn("o-nested"));
            throw new IllegalStateException("the outer work fails after the nested call returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(users().findById(inner.get().userId().orElseThrow())).isEmpty();
        assertThat(stored(inner.get())).isFalse();
    }

    /** No savepoints: only a failure that leaves the outermost call rolls anything back. */
    @Test
    void aFailureThatTheWorkCatchesRollsNothingBack() {
        AtomicReference<Session> beforeTheFailure = new AtomicReference<>();

        Session after = transactions().inTransaction(() -> {
            try {
                transactions().inTransaction(() -> {
                    beforeTheFailure.set(loggedIn("o-caught"));
                    throw new IllegalStateException("caught by the outer work");
                });
            } catch (IllegalStateException caught) {
                // the work goes on
            }
            return loggedIn("o-after");
        });

        assertThat(stored(beforeTheFailure.get())).isTrue();
        assertThat(stored(after)).isTrue();
    }
}

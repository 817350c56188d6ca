package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.port.out.ForStoringSessions.SessionWithUser;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.LoginMethod;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ForStoringSessions} does; each implementation's test extends this. */
public abstract class ForStoringSessionsContract {
    protected static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final AppId APP = new AppId("wxcontract0000001");
    private static final Duration IDLE = Duration.ofHours(2);

    protected abstract ForStoringSessions sessions();

    protected abstract ForStoringUsers users();

    protected abstract ForRunningTransactions transactions();

    private final OpenId openId = new OpenId("o-" + UserId.random().value());
    private UserId user;
    private AccountId account;

    @BeforeEach
    void aUser() {
        var identity = new WeChatIdentity(openId, Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ=="));
        User recorded = transactions().inTransaction(() -> users().recordLogin(APP, identity, NOW)).user();
        user = recorded.id();
        account = recorded.accountId();
    }

    private Session session(Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
        return new Session(SessionId.random(), SessionToken.generate().hash(), account, Optional.of(user),
                Optional.of(APP), LoginMethod.WECHAT,
                new ClientInfo("MicroMessenger/8.0", "203.0.113.7"), createdAt, lastSeenAt, expiresAt,
                Optional.empty(), Optional.empty());
    }

    private Session stored(Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
        Session session = session(createdAt, lastSeenAt, expiresAt);
        sessions().insert(session);
        return session;
    }

    private Instant idleCutoff(Instant now) {
        return now.minus(IDLE);
    }

    @Test
    void aStoredSessionIsFoundByItsTokenHashExactlyAsStored() {
        Session session = stored(NOW, NOW.plusSeconds(1), NOW.plus(Duration.ofDays(7)));

        assertThat(sessions().findByTokenHash(session.tokenHash())).contains(session);
    }

    @Test
    void unknownClientDetailsAreStoredAsUnknown() {
        Session session = new Session(SessionId.random(), SessionToken.generate().hash(), account, Optional.of(user),
                Optional.of(APP), LoginMethod.WECHAT, ClientInfo.unknown(),
                NOW, NOW, NOW.plusSeconds(60), Optional.empty(), Optional.empty());
        sessions().insert(session);

        assertThat(sessions().findByTokenHash(session.tokenHash())).contains(session);
    }

    @Test
    void aPasswordSessionIsFoundWithItsAccountAndNoUserNorAppButIsNoneOfTheUsersSessions() {
        Session password = Session.startWithPassword(SessionToken.generate().hash(), account,
                new ClientInfo("Mozilla/5.0", "203.0.113.8"), NOW, SessionPolicy.DEFAULT);
        sessions().insert(password);

        assertThat(sessions().findByTokenHash(password.tokenHash())).contains(password);
        assertThat(sessions().findLive(user, NOW, idleCutoff(NOW))).isEmpty();
    }

    /** A unionid learned later folds the user's account into the one holding it: its sessions go along. */
    @Test
    void whenAccountsMergeTheFoldedAccountsSessionsMoveToTheSurvivor() {
        Session weChat = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Session password = Session.startWithPassword(SessionToken.generate().hash(), account, ClientInfo.unknown(), NOW,
                SessionPolicy.DEFAULT);
        sessions().insert(password);
        UnionId union = new UnionId("un-" + UserId.random().value());
        AccountId survivor = transactions().inTransaction(() -> users().recordLogin(new AppId("wxcontract0000002"),
                new WeChatIdentity(new OpenId("o-holder"), Optional.of(union), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")),
                NOW)).user().accountId();

        transactions().inTransaction(() -> users().recordLogin(APP,
                new WeChatIdentity(openId, Optional.of(union), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), NOW));

        assertThat(survivor).isNotEqualTo(account);
        assertThat(sessions().findByTokenHash(weChat.tokenHash()).orElseThrow().accountId()).isEqualTo(survivor);
        assertThat(sessions().findByTokenHash(password.tokenHash()).orElseThrow().accountId()).isEqualTo(survivor);
        assertThat(sessions().findLive(user, NOW, idleCutoff(NOW))).extracting(Session::id).containsExactly(weChat.id());
    }

    @Test
    void anUnknownTokenHashFindsNothing() {
        assertThat(sessions().findByTokenHash(SessionToken.generate().hash())).isEmpty();
    }

    /** Her phone number is sealed at rest: it comes back opened, as the user alone would. */
    @Test
    void aWeChatSessionIsFoundWithItsUserEachExactlyAsFoundAlone() {
        users().savePhone(user, new PhoneNumber("13800001234", "13800001234", "86"));
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));

        SessionWithUser found = sessions().findWithUser(session.tokenHash()).orElseThrow();

        assertThat(found.session()).isEqualTo(session);
        assertThat(found.user()).isEqualTo(users().findById(user));
        assertThat(found.user().orElseThrow().phone()).isPresent();
    }

    @Test
    void aPasswordSessionIsFoundWithNoUser() {
        Session password = Session.startWithPassword(SessionToken.generate().hash(), account, ClientInfo.unknown(), NOW,
                SessionPolicy.DEFAULT);
        sessions().insert(password);

        assertThat(sessions().findWithUser(password.tokenHash())).contains(new SessionWithUser(password, Optional.empty()));
    }

    /** Refusing it is the caller's business: it is found as stored. */
    @Test
    void aSessionOfADisabledUserIsFoundWithTheDisabledUser() {
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        users().disable(user, NOW.plusSeconds(1));

        SessionWithUser found = sessions().findWithUser(session.tokenHash()).orElseThrow();

        assertThat(found.session()).isEqualTo(session);
        assertThat(found.user()).isEqualTo(users().findById(user));
        assertThat(found.user().orElseThrow().disabledAt()).contains(NOW.plusSeconds(1));
    }

    /**
     * Each write is seen by the next read with the user, though the same session was read just before it (as every
     * request reads it): whatever an implementation keeps of a read, a write that changed its rows ends it.
     */
    @Test
    void aSessionReadWithItsUserIsReadAgainAsEachWriteLeftIt() {
        Session touched = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Session ended = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Instant later = NOW.plusSeconds(90);

        sessions().touch(readWithUser(touched).session().id(), later, idleCutoff(later));
        sessions().end(readWithUser(ended).session().id(), EndReason.REVOKED, later);

        assertThat(readWithUser(touched).session().lastSeenAt()).isEqualTo(later);
        assertThat(readWithUser(ended).session().endReason()).contains(EndReason.REVOKED);
    }

    @Test
    void sessionsReadWithTheirUserAreReadAgainAsEndedOnceAllOfTheUsersOrTheAccountsAreEnded() {
        Session ofUser = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Session ofAccount = storedPassword(account, NOW);
        Instant later = NOW.plusSeconds(1);
        readWithUser(ofUser);
        readWithUser(ofAccount);

        sessions().endAll(user, EndReason.REVOKED, later, idleCutoff(later));
        assertThat(readWithUser(ofUser).session().endReason()).contains(EndReason.REVOKED);
        assertThat(readWithUser(ofAccount).session().endReason()).isEmpty();

        sessions().endAllOfAccount(account, Optional.empty(), EndReason.REVOKED, later, idleCutoff(later));
        assertThat(readWithUser(ofAccount).session().endReason()).contains(EndReason.REVOKED);
    }

    @Test
    void aSessionReadWithItsUserIsReadAgainWithTheUserAsChanged() {
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        readWithUser(session);

        users().disable(user, NOW.plusSeconds(1));
        assertThat(readWithUser(session).user().orElseThrow().disabledAt()).contains(NOW.plusSeconds(1));

        users().enable(user);
        assertThat(readWithUser(session).user().orElseThrow().disabledAt()).isEmpty();

        users().savePhone(user, new PhoneNumber("13800001234", "13800001234", "86"));
        assertThat(readWithUser(session).user().orElseThrow().phone()).isPresent();

        UnionId union = new UnionId("un-" + UserId.random().value());
        users().adoptUnionId(user, union, NOW);
        assertThat(readWithUser(session).user().orElseThrow().unionId()).contains(union);
    }

    /** A login that brings the user's first unionid, which no other account holds, records it on the user. */
    @Test
    void aSessionReadWithItsUserIsReadAgainWithTheUnionIdTheNextLoginBrought() {
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        readWithUser(session);
        UnionId union = new UnionId("un-" + UserId.random().value());

        transactions().inTransaction(() -> users().recordLogin(APP, new WeChatIdentity(openId, Optional.of(union),
                new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")), NOW));

        assertThat(readWithUser(session).user().orElseThrow().unionId()).contains(union);
        assertThat(readWithUser(session).user().orElseThrow().accountId()).isEqualTo(account);
    }

    /** A unionid that another account holds folds this one into it: the session and its user move along. */
    @Test
    void aSessionReadWithItsUserIsReadAgainInTheAccountItsAccountFoldedInto() {
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Session password = storedPassword(account, NOW);
        readWithUser(session);
        readWithUser(password);
        UnionId union = new UnionId("un-" + UserId.random().value());
        SessionKey key = new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==");
        AccountId survivor = transactions().inTransaction(() -> users().recordLogin(new AppId("wxcontract0000002"),
                new WeChatIdentity(new OpenId("o-holder-" + UserId.random().value()), Optional.of(union), key), NOW))
                .user().accountId();

        transactions().inTransaction(() -> users().recordLogin(APP, new WeChatIdentity(openId, Optional.of(union), key),
                NOW));

        SessionWithUser moved = readWithUser(session);
        assertThat(moved.session().accountId()).isEqualTo(survivor);
        assertThat(moved.user().orElseThrow().accountId()).isEqualTo(survivor);
        assertThat(moved.user().orElseThrow().unionId()).contains(union);
        assertThat(readWithUser(password).session().accountId()).isEqualTo(survivor);
    }

    @Test
    void aSessionReadWithItsUserIsFoundNoMoreOnceCleanedUp() {
        Instant now = NOW.plus(Duration.ofDays(3));
        Session idle = stored(now.minus(Duration.ofDays(1)), now.minus(IDLE).minusSeconds(1), now.plus(Duration.ofDays(1)));
        readWithUser(idle);

        sessions().deleteExpired(now, idleCutoff(now), 10);

        assertThat(sessions().findWithUser(idle.tokenHash())).isEmpty();
    }

    /** Inside a transaction its own writes are what it reads, before they commit. */
    @Test
    void aTransactionReadsItsOwnEndOfASessionReadBefore() {
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        readWithUser(session);

        Optional<EndReason> seen = transactions().inTransaction(() -> {
            readWithUser(session);
            sessions().end(session.id(), EndReason.REPLACED, NOW.plusSeconds(1));
            return readWithUser(session).session().endReason();
        });

        assertThat(seen).contains(EndReason.REPLACED);
        assertThat(readWithUser(session).session().endReason()).contains(EndReason.REPLACED);
    }

    private SessionWithUser readWithUser(Session session) {
        return sessions().findWithUser(session.tokenHash()).orElseThrow();
    }

    @Test
    void anUnknownTokenHashFindsNoSessionWithUser() {
        stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));

        assertThat(sessions().findWithUser(SessionToken.generate().hash())).isEmpty();
    }

    @Test
    void liveSessionsAreTheUsersUnendedUnexpiredOnesOldestFirst() {
        Instant now = NOW.plus(Duration.ofDays(1));
        Session older = stored(now.minusSeconds(600), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Session newer = stored(now.minusSeconds(300), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Session ended = stored(now.minusSeconds(200), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        sessions().end(ended.id(), EndReason.REVOKED, now.minusSeconds(1));
        stored(now.minus(Duration.ofDays(1)), now.minusSeconds(60), now); // absolute expiry reached
        stored(now.minusSeconds(9000), now.minus(IDLE), now.plus(Duration.ofDays(1))); // idle for exactly IDLE

        assertThat(sessions().findLive(user, now, idleCutoff(now))).extracting(Session::id)
                .containsExactly(older.id(), newer.id());
    }

    @Test
    void touchingALiveSessionMovesItsLastSeenTime() {
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Instant later = NOW.plusSeconds(90);

        assertThat(sessions().touch(session.id(), later, idleCutoff(later))).isTrue();

        assertThat(sessions().findByTokenHash(session.tokenHash()).orElseThrow().lastSeenAt()).isEqualTo(later);
    }

    @Test
    void aTouchFromAnInstanceWhoseClockIsBehindDoesNotMoveLastSeenBackwards() {
        Session session = stored(NOW, NOW.plusSeconds(120), NOW.plus(Duration.ofDays(7)));
        Instant skewed = NOW.plusSeconds(90);

        assertThat(sessions().touch(session.id(), skewed, idleCutoff(skewed))).isFalse();

        assertThat(sessions().findByTokenHash(session.tokenHash()).orElseThrow().lastSeenAt()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void touchingAnIdleExpiredSessionDoesNotReviveIt() {
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Instant tooLate = NOW.plus(IDLE).plusSeconds(1);

        assertThat(sessions().touch(session.id(), tooLate, idleCutoff(tooLate))).isFalse();

        assertThat(sessions().findByTokenHash(session.tokenHash()).orElseThrow().lastSeenAt()).isEqualTo(NOW);
    }

    @Test
    void touchingAnAbsolutelyExpiredOrEndedSessionDoesNothing() {
        Session expired = stored(NOW, NOW, NOW.plusSeconds(60));
        Session ended = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        sessions().end(ended.id(), EndReason.REPLACED, NOW);
        Instant later = NOW.plusSeconds(61);

        assertThat(sessions().touch(expired.id(), later, idleCutoff(later))).isFalse();
        assertThat(sessions().touch(ended.id(), later, idleCutoff(later))).isFalse();
        assertThat(sessions().findByTokenHash(ended.tokenHash()).orElseThrow().lastSeenAt()).isEqualTo(NOW);
    }

    @Test
    void aSessionEndsOnceAndKeepsItsReason() {
        Session session = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));

        assertThat(sessions().end(session.id(), EndReason.REPLACED, NOW.plusSeconds(5))).isTrue();
        assertThat(sessions().end(session.id(), EndReason.REVOKED, NOW.plusSeconds(9))).isFalse();

        Session ended = sessions().findByTokenHash(session.tokenHash()).orElseThrow();
        assertThat(ended.endedAt()).contains(NOW.plusSeconds(5));
        assertThat(ended.endReason()).contains(EndReason.REPLACED);
    }

    @Test
    void endingAllSessionsOfAUserCountsOnlyTheOpenOnes() {
        stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Session already = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        sessions().end(already.id(), EndReason.REPLACED, NOW);

        assertThat(sessions().endAll(user, EndReason.REVOKED, NOW.plusSeconds(1), idleCutoff(NOW.plusSeconds(1)))).isEqualTo(2);
        assertThat(sessions().findLive(user, NOW.plusSeconds(2), idleCutoff(NOW.plusSeconds(2)))).isEmpty();
        assertThat(sessions().findByTokenHash(already.tokenHash()).orElseThrow().endReason()).contains(EndReason.REPLACED);
    }

    @Test
    void endingAllSessionsOfAUserLeavesTheExpiredOnesAsTheyWere() {
        Instant now = NOW.plus(Duration.ofDays(1));
        Session live = stored(now.minusSeconds(600), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Session pastItsLifetime = stored(now.minus(Duration.ofDays(1)), now.minusSeconds(60), now);
        Session idledOut = stored(now.minusSeconds(9000), now.minus(IDLE), now.plus(Duration.ofDays(1)));

        assertThat(sessions().endAll(user, EndReason.REVOKED, now, idleCutoff(now))).isEqualTo(1);

        assertThat(sessions().findByTokenHash(live.tokenHash()).orElseThrow().endReason()).contains(EndReason.REVOKED);
        assertThat(sessions().findByTokenHash(pastItsLifetime.tokenHash())).contains(pastItsLifetime);
        assertThat(sessions().findByTokenHash(idledOut.tokenHash())).contains(idledOut);
    }

    /** The before-each user's account gets a second user, in another mini program, through a shared unionid. */
    private User secondUserOfTheAccount() {
        UnionId union = new UnionId("un-" + UserId.random().value());
        SessionKey key = new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==");
        transactions().inTransaction(() -> users().recordLogin(APP, new WeChatIdentity(openId, Optional.of(union), key), NOW));
        return transactions().inTransaction(() -> users().recordLogin(new AppId("wxcontract0000002"),
                new WeChatIdentity(new OpenId("o-" + UserId.random().value()), Optional.of(union), key), NOW)).user();
    }

    private User anotherAccountsUser() {
        return transactions().inTransaction(() -> users().recordLogin(APP, new WeChatIdentity(
                new OpenId("o-" + UserId.random().value()), Optional.empty(), new SessionKey("c2Vzc2lvbmtleTE2Ynl0ZQ==")),
                NOW)).user();
    }

    private Session storedFor(User owner, Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
        Session session = new Session(SessionId.random(), SessionToken.generate().hash(), owner.accountId(),
                Optional.of(owner.id()), Optional.of(owner.appId()), LoginMethod.WECHAT, ClientInfo.unknown(), createdAt,
                lastSeenAt, expiresAt, Optional.empty(), Optional.empty());
        sessions().insert(session);
        return session;
    }

    private Session storedPassword(AccountId of, Instant createdAt) {
        Session session = Session.startWithPassword(SessionToken.generate().hash(), of, ClientInfo.unknown(), createdAt,
                SessionPolicy.DEFAULT);
        sessions().insert(session);
        return session;
    }

    @Test
    void anAccountsLiveSessionsAreThoseOfEveryMiniProgramAndMethodOldestFirst() {
        Instant now = NOW.plus(Duration.ofDays(1));
        User second = secondUserOfTheAccount();
        assertThat(second.accountId()).isEqualTo(account);
        Session newest = storedPassword(account, now.minusSeconds(100));
        Session oldest = stored(now.minusSeconds(600), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Session middle = storedFor(second, now.minusSeconds(300), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Session ended = storedPassword(account, now.minusSeconds(200));
        sessions().end(ended.id(), EndReason.REVOKED, now.minusSeconds(1));
        stored(now.minus(Duration.ofDays(1)), now.minusSeconds(60), now); // absolute expiry reached
        storedFor(second, now.minusSeconds(9000), now.minus(IDLE), now.plus(Duration.ofDays(1))); // idle for exactly IDLE
        storedPassword(anotherAccountsUser().accountId(), now.minusSeconds(400));

        assertThat(sessions().findLiveOfAccount(account, now, idleCutoff(now))).extracting(Session::id)
                .containsExactly(oldest.id(), middle.id(), newest.id());
        assertThat(sessions().findLiveOfAccount(AccountId.random(), now, idleCutoff(now))).isEmpty();
    }

    @Test
    void endingAllSessionsOfAnAccountButOneEndsEveryOtherLiveOneOfItOnly() {
        Instant now = NOW.plus(Duration.ofDays(1));
        User second = secondUserOfTheAccount();
        Session kept = storedPassword(account, now.minusSeconds(100));
        Session weChat = stored(now.minusSeconds(600), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Session otherApp = storedFor(second, now.minusSeconds(300), now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        Session password = storedPassword(account, now.minusSeconds(200));
        Session already = storedPassword(account, now.minusSeconds(250));
        sessions().end(already.id(), EndReason.REPLACED, now.minusSeconds(1));
        Session pastItsLifetime = stored(now.minus(Duration.ofDays(1)), now.minusSeconds(60), now);
        Session idledOut = storedFor(second, now.minusSeconds(9000), now.minus(IDLE), now.plus(Duration.ofDays(1)));
        User stranger = anotherAccountsUser();
        Session strangers = storedFor(stranger, now.minusSeconds(60), now.minusSeconds(60), now.plus(Duration.ofDays(1)));

        assertThat(sessions().endAllOfAccount(account, Optional.of(kept.id()), EndReason.REVOKED, now, idleCutoff(now)))
                .isEqualTo(3);

        for (Session ending : new Session[] {weChat, otherApp, password}) {
            assertThat(sessions().findByTokenHash(ending.tokenHash())).contains(ending.ended(now, EndReason.REVOKED));
        }
        assertThat(sessions().findLiveOfAccount(account, now, idleCutoff(now))).containsExactly(kept);
        assertThat(sessions().findByTokenHash(already.tokenHash()).orElseThrow().endReason()).contains(EndReason.REPLACED);
        assertThat(sessions().findByTokenHash(pastItsLifetime.tokenHash())).contains(pastItsLifetime);
        assertThat(sessions().findByTokenHash(idledOut.tokenHash())).contains(idledOut);
        assertThat(sessions().findLiveOfAccount(stranger.accountId(), now, idleCutoff(now))).containsExactly(strangers);
    }

    @Test
    void endingAllSessionsOfAnAccountKeepingNoneEndsThemAll() {
        Session weChat = stored(NOW, NOW, NOW.plus(Duration.ofDays(7)));
        Session password = storedPassword(account, NOW);
        Instant later = NOW.plusSeconds(1);

        assertThat(sessions().endAllOfAccount(account, Optional.empty(), EndReason.REVOKED, later, idleCutoff(later)))
                .isEqualTo(2);
        assertThat(sessions().endAllOfAccount(account, Optional.empty(), EndReason.REVOKED, later, idleCutoff(later)))
                .isZero();

        assertThat(sessions().findByTokenHash(weChat.tokenHash())).contains(weChat.ended(later, EndReason.REVOKED));
        assertThat(sessions().findByTokenHash(password.tokenHash())).contains(password.ended(later, EndReason.REVOKED));
    }

    @Test
    void cleanupDeletesOnlyExpiredSessionsAtMostALimitAtATime() {
        Instant now = NOW.plus(Duration.ofDays(3));
        Session live = stored(now.minusSeconds(60), now.minusSeconds(30), now.plus(Duration.ofDays(1)));
        Session endedButRecent = stored(now.minusSeconds(60), now.minusSeconds(30), now.plus(Duration.ofDays(1)));
        sessions().end(endedButRecent.id(), EndReason.REVOKED, now.minusSeconds(10));
        Session absolute = stored(now.minus(Duration.ofDays(2)), now.minusSeconds(30), now.minusSeconds(1));
        Session idle1 = stored(now.minus(Duration.ofDays(1)), now.minus(IDLE).minusSeconds(1), now.plus(Duration.ofDays(1)));
        Session idle2 = stored(now.minus(Duration.ofDays(1)), now.minus(IDLE).minusSeconds(5), now.plus(Duration.ofDays(1)));

        int first = sessions().deleteExpired(now, idleCutoff(now), 2);
        int rest = sessions().deleteExpired(now, idleCutoff(now), 2);

        assertThat(first).isEqualTo(2);
        assertThat(rest).isEqualTo(1);
        assertThat(sessions().deleteExpired(now, idleCutoff(now), 2)).isZero();
        assertThat(sessions().findByTokenHash(live.tokenHash())).isPresent();
        assertThat(sessions().findByTokenHash(endedButRecent.tokenHash())).isPresent();
        for (Session gone : new Session[] {absolute, idle1, idle2}) {
            assertThat(sessions().findByTokenHash(gone.tokenHash())).isEmpty();
        }
    }
}

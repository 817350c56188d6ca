package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.TokenHash;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions, found by the hash of their token. "Live" means not ended, {@code expiresAt} after the given
 * time, and {@code lastSeenAt} after the given idle cutoff: the same rule as {@link Session#problemAt}.
 * <p>
 * Storage shared by several instances may hold the times it records (a login's, a use's) to a clock of
 * its own, so that an instance whose clock runs fast cannot keep a session alive: it then records an
 * earlier time than the caller gave, never a later one.
 */
public interface ForStoringSessions {
    void insert(Session session);

    Optional<Session> findByTokenHash(TokenHash hash);

    /**
     * The session, as {@link #findByTokenHash} finds it, together with its user as {@link ForStoringUsers#findById}
     * finds them, read at once: what every authenticated request needs, for the cost of one read.
     */
    Optional<SessionWithUser> findWithUser(TokenHash hash);

    /** The user's live sessions, oldest first. */
    List<Session> findLive(UserId user, Instant now, Instant idleCutoff);

    /**
     * Records a use at {@code now}, only if the session is still live: an expired or ended session is
     * never brought back, and a last-seen time is never moved backwards (instance clocks may differ).
     * Returns whether the row changed.
     */
    boolean touch(SessionId id, Instant now, Instant idleCutoff);

    /** Ends one session that has not ended yet; returns whether it did. */
    boolean end(SessionId id, EndReason reason, Instant now);

    /**
     * Ends every live session of the user, by the rule of {@link #findLive}; returns how many. A session
     * that has expired already is left alone, so it keeps telling its client that it expired, and is not
     * locked (the cleanup job may be deleting it).
     */
    int endAll(UserId user, EndReason reason, Instant now, Instant idleCutoff);

    /** The account's live sessions, of every mini program and method, by the rule of {@link #findLive}, oldest first. */
    List<Session> findLiveOfAccount(AccountId account, Instant now, Instant idleCutoff);

    /**
     * Ends every live session of the account, of every mini program and method, but {@code kept} if given; returns how
     * many, by the rule of {@link #endAll}.
     */
    int endAllOfAccount(AccountId account, Optional<SessionId> kept, EndReason reason, Instant now, Instant idleCutoff);

    /** Deletes at most {@code limit} sessions that can never be live again; returns how many. */
    int deleteExpired(Instant now, Instant idleCutoff, int limit);

    /**
     * @param user the session's user; empty for a password session, which has none, and for a WeChat session whose
     *             user is gone
     */
    record SessionWithUser(Session session, Optional<User> user) {
    }
}

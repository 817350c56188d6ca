package dev.wxlogin.domain.session;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One login of one account on one device (the "3rd session"). It is live until it is ended or until it
 * has been idle too long or reaches its absolute expiry, whichever comes first.
 *
 * @param userId    the WeChat user a {@link LoginMethod#WECHAT} session logged in; empty for a password session
 * @param appId     that user's mini program; empty for a password session, which no mini program issued
 * @param expiresAt the absolute expiry, fixed at login
 * @param endedAt   set when the session was ended (logout, replaced by a newer login)
 */
public record Session(SessionId id, TokenHash tokenHash, AccountId accountId, Optional<UserId> userId,
                      Optional<AppId> appId, LoginMethod method, ClientInfo client,
                      Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                      Optional<Instant> endedAt, Optional<EndReason> endReason) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(endReason, "endReason");
        if (endedAt.isPresent() != endReason.isPresent()) {
            throw new IllegalArgumentException("an ended session has both an end time and a reason");
        }
        boolean weChat = method == LoginMethod.WECHAT;
        if (userId.isPresent() != weChat || appId.isPresent() != weChat) {
            throw new IllegalArgumentException("a WeChat session, and only one, has a user and an app");
        }
    }

    /** A new session for a WeChat login of {@code user} at {@code now}. */
    public static Session start(TokenHash tokenHash, User user, AppId appId, ClientInfo client,
                                Instant now, SessionPolicy policy) {
        return new Session(SessionId.random(), tokenHash, user.accountId(), Optional.of(user.id()), Optional.of(appId),
                LoginMethod.WECHAT, client, now, now, now.plus(policy.max()), Optional.empty(), Optional.empty());
    }

    /** A new session for a password login of {@code account} at {@code now}. */
    public static Session startWithPassword(TokenHash tokenHash, AccountId account, ClientInfo client,
                                            Instant now, SessionPolicy policy) {
        return new Session(SessionId.random(), tokenHash, account, Optional.empty(), Optional.empty(),
                LoginMethod.PASSWORD, client, now, now, now.plus(policy.max()), Optional.empty(), Optional.empty());
    }

    /** This session as it is after a use recorded at {@code now}. */
    public Session seenAt(Instant now) {
        return new Session(id, tokenHash, accountId, userId, appId, method, client, createdAt, now, expiresAt,
                endedAt, endReason);
    }

    /** This session as it is after it ended at {@code now} for {@code reason}. */
    public Session ended(Instant now, EndReason reason) {
        return new Session(id, tokenHash, accountId, userId, appId, method, client, createdAt, lastSeenAt, expiresAt,
                Optional.of(now), Optional.of(reason));
    }

    /** Why this session cannot authenticate at {@code now}, or empty if it is live. */
    public Optional<AuthenticationFailed.Reason> problemAt(Instant now, SessionPolicy policy) {
        if (endReason.isPresent()) {
            return endReason.map(EndReason::failure);
        }
        if (!now.isBefore(expiresAt) || !now.isBefore(lastSeenAt.plus(policy.idle()))) {
            return Optional.of(AuthenticationFailed.Reason.SESSION_EXPIRED);
        }
        return Optional.empty();
    }


    /** Whether a use at {@code now} should be written down; throttled to one write per touch interval. */
    public boolean dueForTouchAt(Instant now, SessionPolicy policy) {
        return !now.isBefore(lastSeenAt.plus(policy.touchInterval()));
    }

}

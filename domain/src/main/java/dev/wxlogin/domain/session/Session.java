package dev.wxlogin.domain.session;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One login of one user on one device (the "3rd session"). It is live until it is ended or until it
 * has been idle too long or reaches its absolute expiry, whichever comes first.
 *
 * @param expiresAt the absolute expiry, fixed at login
 * @param endedAt   set when the session was ended (logout, replaced by a newer login)
 */
public record Session(SessionId id, TokenHash tokenHash, UserId userId, AppId appId, ClientInfo client,
                      Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                      Optional<Instant> endedAt, Optional<EndReason> endReason) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(endReason, "endReason");
        if (endedAt.isPresent() != endReason.isPresent()) {
            throw new IllegalArgumentException("an ended session has both an end time and a reason");
        }
    }

    /** A new session for a login at {@code now}. */
    public static Session start(TokenHash tokenHash, UserId userId, AppId appId, ClientInfo client,
                                Instant now, SessionPolicy policy) {
        return new Session(SessionId.random(), tokenHash, userId, appId, client, now, now,
                now.plus(policy.max()), Optional.empty(), Optional.empty());
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

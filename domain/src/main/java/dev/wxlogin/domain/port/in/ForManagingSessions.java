package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionToken;

/**
 * A signed-in user looks at and ends their own sessions (devices). The caller is named only by their token,
 * which every call authenticates first, exactly as {@link ForAuthenticating} does (a use renews the session):
 * nobody can act for a user whose token they do not hold.
 *
 * <p>Each method throws {@link dev.wxlogin.domain.error.AuthenticationFailed} when the token does not belong
 * to a live session.
 */
public interface ForManagingSessions {
    /** The caller's live sessions, oldest first, and which of them the token belongs to. */
    LiveSessions liveSessions(SessionToken caller);

    /** @throws dev.wxlogin.domain.error.NotFound unless {@code id} is a live session of the caller */
    void revoke(SessionToken caller, SessionId id);

    /** Ends every live session of the caller, including the current one; returns how many. */
    int revokeAll(SessionToken caller);
}

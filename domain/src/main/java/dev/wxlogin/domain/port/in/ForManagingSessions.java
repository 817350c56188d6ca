package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;

import java.util.List;

/** A signed-in user looks at and ends their own sessions (devices). */
public interface ForManagingSessions {
    /** The caller's live sessions, oldest first. */
    List<Session> liveSessions(Authentication caller);

    /** @throws dev.wxlogin.domain.error.NotFound unless {@code id} is a live session of the caller */
    void revoke(Authentication caller, SessionId id);

    /** Ends every live session of the caller, including the current one; returns how many. */
    int revokeAll(Authentication caller);
}

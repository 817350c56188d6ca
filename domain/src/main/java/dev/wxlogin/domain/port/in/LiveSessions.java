package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;

import java.util.List;
import java.util.Objects;

/**
 * A user's live sessions, oldest first, as {@link ForManagingSessions#liveSessions} finds them.
 *
 * @param current the session of the token that asked
 */
public record LiveSessions(SessionId current, List<Session> sessions) {
    public LiveSessions {
        Objects.requireNonNull(current, "current");
        sessions = List.copyOf(sessions);
    }
}

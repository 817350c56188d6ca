package dev.wxlogin.application;

import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.SessionToken;

import java.lang.System.Logger.Level;
import java.time.Clock;

/** Ends the token's session. Unknown or already-ended tokens are not an error, so logout leaks nothing. */
public final class LogoutService implements ForLoggingOut {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForStoringSessions sessions;
    private final Clock clock;

    public LogoutService(ForStoringSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public void logOut(SessionToken token) {
        sessions.findByTokenHash(token.hash())
                .filter(session -> sessions.end(session.id(), EndReason.REVOKED, clock.instant()))
                .ifPresent(session -> EVENTS.log(Level.INFO, "logout account={0} session={1}", session.accountId(), session.id()));
    }
}

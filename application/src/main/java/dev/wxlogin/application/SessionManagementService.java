package dev.wxlogin.application;

import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionPolicy;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A user's own devices: list them, end one, end all. Other users' sessions do not exist for the caller. */
public final class SessionManagementService implements ForManagingSessions {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForStoringSessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public SessionManagementService(ForStoringSessions sessions, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public List<Session> liveSessions(Authentication caller) {
        Instant now = clock.instant();
        return sessions.findLive(caller.user().id(), now, policy.idleCutoff(now));
    }

    @Override
    public void revoke(Authentication caller, SessionId id) {
        Session target = liveSessions(caller).stream()
                .filter(session -> session.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("No such session"));
        if (sessions.end(target.id(), EndReason.REVOKED, clock.instant())) {
            EVENTS.log(Level.INFO, "session revoked user={0} session={1} by={2}",
                    caller.user().id(), target.id(), caller.session().id());
        }
    }

    @Override
    public int revokeAll(Authentication caller) {
        Instant now = clock.instant();
        int ended = sessions.endAll(caller.user().id(), EndReason.REVOKED, now, policy.idleCutoff(now));
        EVENTS.log(Level.INFO, "all sessions revoked user={0} count={1}", caller.user().id(), ended);
        return ended;
    }
}

package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.in.LiveSessions;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.UserId;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A user's own devices: list them, end one, end all. The caller is whoever the token proves, through the same
 * {@link AuthenticationService} every request uses; other users' sessions do not exist for them.
 */
public final class SessionManagementService implements ForManagingSessions {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final AuthenticationService authentication;
    private final ForStoringSessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public SessionManagementService(ForStoringSessions sessions, ForStoringUsers users, Set<AppId> apps,
                                    SessionPolicy policy, Clock clock) {
        this.authentication = new AuthenticationService(sessions, users, apps, policy, clock);
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public LiveSessions liveSessions(SessionToken token) {
        Authentication caller = authentication.authenticate(token);
        return new LiveSessions(caller.session().id(), liveSessionsOf(caller.user().id()));
    }

    @Override
    public void revoke(SessionToken token, SessionId id) {
        Authentication caller = authentication.authenticate(token);
        Session target = liveSessionsOf(caller.user().id()).stream()
                .filter(session -> session.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("No such session"));
        if (sessions.end(target.id(), EndReason.REVOKED, clock.instant())) {
            EVENTS.log(Level.INFO, "session revoked user={0} session={1} by={2}",
                    caller.user().id(), target.id(), caller.session().id());
        }
    }

    @Override
    public int revokeAll(SessionToken token) {
        Authentication caller = authentication.authenticate(token);
        Instant now = clock.instant();
        int ended = sessions.endAll(caller.user().id(), EndReason.REVOKED, now, policy.idleCutoff(now));
        EVENTS.log(Level.INFO, "all sessions revoked user={0} count={1}", caller.user().id(), ended);
        return ended;
    }

    private List<Session> liveSessionsOf(UserId user) {
        Instant now = clock.instant();
        return sessions.findLive(user, now, policy.idleCutoff(now));
    }
}

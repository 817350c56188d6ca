package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.in.LiveSessions;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A caller's own devices: list them, end one, end all. The caller is whoever the token proves, through the same
 * {@link AuthenticationService} every request uses: with a WeChat session, the user in that mini program, whose
 * sessions these are; with a password session, the account, whose sessions of every mini program and method these
 * are. Other sessions do not exist for them.
 */
public final class SessionManagementService implements ForManagingSessions {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final AuthenticationService authentication;
    private final ForStoringSessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public SessionManagementService(ForStoringSessions sessions, Set<AppId> apps, SessionPolicy policy, Clock clock) {
        this.authentication = new AuthenticationService(sessions, apps, policy, clock);
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public LiveSessions liveSessions(SessionToken token) {
        Authentication caller = authentication.authenticate(token);
        return new LiveSessions(caller.session().id(), liveSessionsOf(caller));
    }

    @Override
    public void revoke(SessionToken token, SessionId id) {
        Authentication caller = authentication.authenticate(token);
        Session target = liveSessionsOf(caller).stream()
                .filter(session -> session.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFound("No such session"));
        if (sessions.end(target.id(), EndReason.REVOKED, clock.instant())) {
            EVENTS.log(Level.INFO, "session revoked {0} session={1} by={2}", who(caller), target.id(),
                    caller.session().id());
        }
    }

    @Override
    public int revokeAll(SessionToken token) {
        Authentication caller = authentication.authenticate(token);
        Instant now = clock.instant();
        Instant cutoff = policy.idleCutoff(now);
        int ended = caller.user()
                .map(user -> sessions.endAll(user.id(), EndReason.REVOKED, now, cutoff))
                .orElseGet(() -> sessions.endAllOfAccount(caller.accountId(), Optional.empty(), EndReason.REVOKED, now,
                        cutoff));
        EVENTS.log(Level.INFO, "all sessions revoked {0} count={1}", who(caller), ended);
        return ended;
    }

    /** The user for a WeChat session's caller, as the log has always named them; the account for a password session's. */
    private static String who(Authentication caller) {
        return caller.user().map(user -> "user=" + user.id()).orElseGet(() -> "account=" + caller.accountId());
    }

    private List<Session> liveSessionsOf(Authentication caller) {
        Instant now = clock.instant();
        Instant cutoff = policy.idleCutoff(now);
        return caller.user()
                .map(user -> sessions.findLive(user.id(), now, cutoff))
                .orElseGet(() -> sessions.findLiveOfAccount(caller.accountId(), now, cutoff));
    }
}

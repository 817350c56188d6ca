package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringSessions.SessionWithUser;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.User;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Every request reads the session row, so a logout or a replacement takes effect on the very next
 * request on any instance; its user comes with it in the same read, so that costs one statement. Expiry is judged on
 * read, whether or not cleanup has run. A session counts only on an
 * instance that serves its mini program, and only for a request that names that mini program or none; anything
 * else is refused as a token never issued, so that a prober learns nothing about other apps. A password session belongs
 * to its account, not to a mini program, and counts on every instance and for every request.
 */
public final class AuthenticationService implements ForAuthenticating {
    private final ForStoringSessions sessions;
    private final Set<AppId> apps;
    private final SessionPolicy policy;
    private final Clock clock;

    /** @param apps the mini programs this instance serves */
    public AuthenticationService(ForStoringSessions sessions, Set<AppId> apps, SessionPolicy policy, Clock clock) {
        this.sessions = sessions;
        this.apps = Set.copyOf(apps);
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(SessionToken token) {
        Instant now = clock.instant();
        SessionWithUser found = sessions.findWithUser(token.hash())
                .filter(candidate -> candidate.session().appId().map(app -> countsFor(token, app)).orElse(true))
                .orElseThrow(AuthenticationFailed::unauthenticated);
        Session session = found.session();
        refuseUnlessLive(session, now);
        if (session.userId().isEmpty()) {
            return Authentication.ofAccount(renewed(session, now));
        }
        User user = found.user().orElseThrow(AuthenticationFailed::unauthenticated);
        if (user.disabled()) { // disabling revoked every session; one that escaped it is answered the same way
            throw new AuthenticationFailed(AuthenticationFailed.Reason.SESSION_REVOKED);
        }
        return Authentication.of(user, renewed(session, now));
    }

    private boolean countsFor(SessionToken token, AppId sessionApp) {
        return apps.contains(sessionApp) && token.presentedFor().map(sessionApp::equals).orElse(true);
    }

    /**
     * Sliding renewal, throttled to one write per touch interval. The write itself refuses to revive a
     * session that ended or expired since it was read; then the request fails with the current reason.
     */
    private Session renewed(Session session, Instant now) {
        if (!session.dueForTouchAt(now, policy)) {
            return session;
        }
        if (!sessions.touch(session.id(), now, policy.idleCutoff(now))) {
            Session current = sessions.findByTokenHash(session.tokenHash()).orElseThrow(AuthenticationFailed::unauthenticated);
            refuseUnlessLive(current, now);
            return current;
        }
        return session.seenAt(now);
    }

    private void refuseUnlessLive(Session session, Instant now) {
        session.problemAt(now, policy).ifPresent(reason -> {
            throw new AuthenticationFailed(reason);
        });
    }
}

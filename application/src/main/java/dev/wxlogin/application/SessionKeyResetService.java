package dev.wxlogin.application;

import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;

/**
 * An operator's answer to a session_key that may have leaked: WeChat replaces the user's key, signed with the one
 * stored, and the server keeps the new key where the user's current session_key lives (the user row, sealed). Only
 * for a user with a live session: without one there is nothing the key still serves.
 */
public final class SessionKeyResetService implements ForResettingSessionKeys {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForCheckingSessionKeys wechat;
    private final AccessTokenCalls calls;
    private final ForStoringUsers users;
    private final ForStoringSessions sessions;
    private final SessionPolicy policy;
    private final Clock clock;

    public SessionKeyResetService(ForCheckingSessionKeys wechat, ForGettingAccessTokens tokens, ForStoringUsers users,
                                  ForStoringSessions sessions, SessionPolicy policy, Clock clock) {
        this.wechat = wechat;
        this.calls = new AccessTokenCalls(tokens);
        this.users = users;
        this.sessions = sessions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void reset(UserId id) {
        User user = users.findById(id).orElseThrow(() -> new NotFound("No such user"));
        Instant now = clock.instant();
        if (sessions.findLive(id, now, policy.idleCutoff(now)).isEmpty()) {
            throw new NotFound("The user has no live session");
        }
        SessionKey current = users.sessionKeyOf(id).orElseThrow(() -> new NotFound("The user has no session_key"));
        SessionKey replacement = calls.call(user.appId(), token -> wechat.reset(token, user.appId(), user.openId(), current));
        // A login that stored a newer key meanwhile wins: WeChat's newest key is the login's.
        boolean stored = users.replaceSessionKey(id, current, replacement);
        EVENTS.log(Level.INFO, "session_key reset user={0} stored={1}", id, stored);
    }
}

package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.login.LoginResult;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.out.ForExchangingLoginCodes;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;
import dev.wxlogin.domain.port.out.ForRunningTransactions;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.EndReason;
import dev.wxlogin.domain.session.Session;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Login: refuse a mini program this server does not serve before anything else, claim the code, exchange it with
 * WeChat, then in one transaction record the user and their newest session_key (refused for a disabled account,
 * which gets nothing written), apply the device policy, and create the session. A token is returned only after its
 * session row has committed.
 */
public final class LoginService implements ForLoggingIn {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final SingleUseCodeExchange codes;
    private final ForStoringUsers users;
    private final ForStoringSessions sessions;
    private final ForRunningTransactions transactions;
    private final SessionPolicy policy;
    private final Clock clock;

    /** @param apps the mini programs this server serves: a login for any other is refused */
    public LoginService(ForExchangingLoginCodes wechat, ForRememberingExchangedCodes exchangedCodes,
                        ForStoringUsers users, ForStoringSessions sessions, Set<AppId> apps,
                        ForRunningTransactions transactions, SessionPolicy policy, Clock clock) {
        this.codes = new SingleUseCodeExchange(wechat, exchangedCodes, apps, clock);
        this.users = users;
        this.sessions = sessions;
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public LoginResult logIn(LoginCommand command) {
        WeChatIdentity identity = codes.exchangeOnce(command.appId(), command.code());
        LoginResult result = transactions.inTransaction(() -> startSession(command, identity));
        EVENTS.log(Level.INFO, "login user={0} app={1} newUser={2}",
                result.user().id(), command.appId(), result.newUser());
        return result;
    }

    private LoginResult startSession(LoginCommand command, WeChatIdentity identity) {
        Instant now = clock.instant();
        // Records nothing for a disabled user, whatever this transaction's fate: no new session_key is kept.
        ForStoringUsers.RecordedLogin recorded = users.recordLogin(command.appId(), identity, now);
        if (recorded.user().disabled()) {
            EVENTS.log(Level.INFO, "login refused user={0} app={1} reason=account_disabled",
                    recorded.user().id(), command.appId());
            throw new LoginRejected(LoginRejected.Reason.ACCOUNT_DISABLED);
        }
        endSessionsBeyondTheDevicePolicy(recorded, now);
        SessionToken token = SessionToken.generate();
        sessions.insert(Session.start(token.hash(), recorded.user(), command.appId(), command.client(), now, policy));
        return new LoginResult(token, policy.expiresIn(), recorded.user(), recorded.created());
    }

    /** Runs under the user's row lock (taken by recordLogin), so concurrent logins of one user cannot both keep sessions. */
    private void endSessionsBeyondTheDevicePolicy(ForStoringUsers.RecordedLogin recorded, Instant now) {
        List<Session> live = sessions.findLive(recorded.user().id(), now, policy.idleCutoff(now));
        for (Session oldest : policy.replacedByANewLogin(live)) {
            sessions.end(oldest.id(), EndReason.REPLACED, now);
            EVENTS.log(Level.INFO, "session replaced user={0} session={1} policy={2}",
                    recorded.user().id(), oldest.id(), policy.devices());
        }
    }
}

package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.port.out.ForExchangingLoginCodes;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A {@code wx.login()} code exchanged with WeChat at most once, for a login or for binding WeChat to an account. A
 * mini program this server does not serve is refused before anything else. The code is claimed before WeChat sees it,
 * so a replay or a concurrent double submit is refused on any instance without a second call to WeChat, and only the
 * first requester can get its identity.
 */
final class SingleUseCodeExchange {
    /** WeChat's codes live 5 minutes; remembering a claim longer than that protects nothing. */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForExchangingLoginCodes wechat;
    private final ForRememberingExchangedCodes exchangedCodes;
    private final Set<AppId> apps;
    private final Clock clock;

    SingleUseCodeExchange(ForExchangingLoginCodes wechat, ForRememberingExchangedCodes exchangedCodes, Set<AppId> apps,
                 Clock clock) {
        this.wechat = wechat;
        this.exchangedCodes = exchangedCodes;
        this.apps = Set.copyOf(apps);
        this.clock = clock;
    }

    WeChatIdentity exchangeOnce(AppId appId, LoginCode code) {
        if (!apps.contains(appId)) { // no claim row, no code2Session with credentials we do not have
            EVENTS.log(Level.INFO, "login refused app={0} reason=unknown_app", appId);
            throw new LoginRejected(LoginRejected.Reason.UNKNOWN_APP);
        }
        Instant now = clock.instant();
        if (!exchangedCodes.claim(appId, code, now, now.plus(CODE_LIFETIME))) {
            EVENTS.log(Level.INFO, "login refused app={0} reason=code_replayed", appId);
            throw new LoginRejected(LoginRejected.Reason.CODE_USED);
        }
        try {
            return wechat.exchange(appId, code);
        } catch (UpstreamFailure failure) {
            if (failure.codeUnspent()) { // after a timeout nobody knows: the claim stays, the client calls wx.login again
                exchangedCodes.release(appId, code);
            }
            throw failure;
        } catch (LoginRejected rejected) {
            EVENTS.log(Level.WARNING, "login refused app={0} reason={1}", appId, rejected.reason());
            throw rejected;
        }
    }
}

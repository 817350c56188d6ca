package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.user.OpenId;

/**
 * WeChat's checksession and resetusersessionkey over HTTP, through the {@link WeChatHttpClient}: both GETs take
 * the access_token and the key's {@link SessionKeySignature} in the query string, secrets that are never logged.
 * Each API has a breaker and a bulkhead of its own.
 */
public final class WeChatApiSessionKeyAdapter implements ForCheckingSessionKeys, AutoCloseable {
    private static final String SIG_METHOD = "hmac_sha256";

    private final WeChatHttpClient wechat;
    private final WeChatHttpClient.GuardedApi<Boolean> checkSession;
    private final WeChatHttpClient.GuardedApi<SessionKey> resetSessionKey;

    public WeChatApiSessionKeyAdapter(WeChatApiSettings settings) {
        this.wechat = new WeChatHttpClient(settings);
        this.checkSession = wechat.api(new CheckSessionApi());
        this.resetSessionKey = wechat.api(new ResetSessionKeyApi());
    }

    @Override
    public boolean isCurrent(AccessToken token, AppId app, OpenId user, SessionKey key) {
        return checkSession.call(signed(token, app, user, key));
    }

    @Override
    public SessionKey reset(AccessToken token, AppId app, OpenId user, SessionKey current) {
        return resetSessionKey.call(signed(token, app, user, current));
    }

    private static WeChatRequest signed(AccessToken token, AppId app, OpenId user, SessionKey key) {
        return WeChatRequest.get(app)
                .accessToken(token)
                .query("openid", user.value())
                .secretQuery("signature", SessionKeySignature.of(key))
                .query("sig_method", SIG_METHOD);
    }

    /** Stops the HTTP client's threads; calls still under way finish first. */
    @Override
    public void close() {
        wechat.close();
    }
}

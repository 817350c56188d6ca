package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.user.OpenId;

/**
 * WeChat's server-side session_key check and reset ({@code /wxa/checksession}, {@code /wxa/resetusersessionkey}).
 * Both throw {@link dev.wxlogin.domain.error.AccessTokenRejected} for a token WeChat refuses and
 * {@link dev.wxlogin.domain.error.UpstreamFailure} when WeChat cannot answer.
 */
public interface ForCheckingSessionKeys {
    /** Whether {@code key} is still the user's current session_key; false once a later login replaced it. */
    boolean isCurrent(AccessToken token, AppId app, OpenId user, SessionKey key);

    /** Has WeChat replace {@code current} (it must be current) and answers the new key, which keeps the old expiry. */
    SessionKey reset(AccessToken token, AppId app, OpenId user, SessionKey current);
}

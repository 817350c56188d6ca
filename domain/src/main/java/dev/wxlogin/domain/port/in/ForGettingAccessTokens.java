package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;

/**
 * The central access_token service: the only way anything in or around wxlogin gets an AppID's access_token.
 * Every instance hands out the one token stored for the AppID; only the service fetches new ones from WeChat.
 *
 * <p>Both methods throw {@link dev.wxlogin.domain.error.UpstreamFailure}: {@code UNAVAILABLE} when no token is
 * live and WeChat cannot give one, {@code MISCONFIGURED} when WeChat refuses our credentials or this server's IP.
 */
public interface ForGettingAccessTokens {
    /** The AppID's current token, fetched first only when none is stored or the stored one has expired. */
    AccessTokenGrant current(AppId app);

    /**
     * A WeChat API refused {@code rejected} as invalid or expired (40001, 40014, 42001). Answers the stored token
     * when it is already newer than {@code rejected}; otherwise refreshes it, once per AppID across the cluster
     * however many callers ask at the same moment, and answers the new one.
     */
    AccessTokenGrant replaceRejected(AppId app, AccessToken rejected);
}

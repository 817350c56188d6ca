package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.token.AccessToken;

import java.time.Duration;
import java.util.Objects;

/**
 * WeChat's access_token API: {@code POST /cgi-bin/stable_token} or the classic {@code GET /cgi-bin/token}. Only the
 * central access_token service calls it; every fetch counts against WeChat's quotas.
 */
public interface ForFetchingAccessTokens {
    /**
     * The token WeChat hands out for {@code app} now. stable_token answers the same token until the last minutes of
     * its life, then a new one; the classic API issues a new one on every call (the old one works 5 more minutes).
     *
     * @param forceRefresh stable_token's {@code force_refresh}: WeChat invalidates the current token at once and issues
     *                     another; WeChat allows it 20 times a day, at least 30 s apart (the caller keeps count). The
     *                     classic API has no such flag and ignores it.
     * @throws dev.wxlogin.domain.error.UpstreamFailure {@code UNAVAILABLE} or {@code BUSY} when WeChat cannot answer,
     *         {@code RATE_LIMITED} when the AppID's daily quota is used up (45009), {@code MISCONFIGURED} when WeChat
     *         refuses the AppID, the AppSecret or this server's IP (40001, 40013, 40125, 40164, 40243)
     */
    FetchedAccessToken fetch(AppId app, boolean forceRefresh);

    /** @param expiresIn what WeChat's {@code expires_in} says is left of the token's life */
    record FetchedAccessToken(AccessToken token, Duration expiresIn) {
        public FetchedAccessToken {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresIn, "expiresIn");
        }
    }
}

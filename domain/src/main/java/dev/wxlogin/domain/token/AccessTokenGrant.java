package dev.wxlogin.domain.token;

import dev.wxlogin.domain.app.AppId;

import java.time.Instant;
import java.util.Objects;

/** The access_token an AppID's callers use now, and when WeChat stops accepting it. */
public record AccessTokenGrant(AppId appId, AccessToken token, Instant expiresAt) {
    public AccessTokenGrant {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}

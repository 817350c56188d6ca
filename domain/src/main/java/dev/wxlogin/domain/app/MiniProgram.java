package dev.wxlogin.domain.app;

import java.util.Objects;

/** A mini program this server logs users into, with the credentials WeChat knows it by. */
public record MiniProgram(AppId appId, AppSecret secret) {
    public MiniProgram {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(secret, "secret");
    }
}

package dev.wxlogin.adapters.wechat.sandbox;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A mini program the sandbox knows.
 *
 * @param boundToOpenPlatform whether code2Session also returns a unionid, as WeChat does only for mini
 *                            programs bound to an Open Platform account
 */
public record SandboxApp(AppId appId, AppSecret secret, boolean boundToOpenPlatform) {
    public SandboxApp {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(secret, "secret");
    }

    /** The credentials a client of this sandbox app is configured with. */
    public MiniProgram miniProgram() {
        return new MiniProgram(appId, secret);
    }

    boolean secretMatches(String candidate) {
        return MessageDigest.isEqual(
                secret.value().getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.wxlogin.domain.login;

import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;

import java.util.Objects;
import java.util.Optional;

/** What WeChat's code2Session tells us about the person behind a login code. */
public record WeChatIdentity(OpenId openId, Optional<UnionId> unionId, SessionKey sessionKey) {
    public WeChatIdentity {
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(sessionKey, "sessionKey");
    }
}

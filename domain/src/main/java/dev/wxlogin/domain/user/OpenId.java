package dev.wxlogin.domain.user;

import dev.wxlogin.domain.Validate;

/** A user's id within one mini program, as WeChat reports it. Never taken from the client. */
public record OpenId(String value) {
    public OpenId {
        Validate.identifier(value, 128, "openid");
    }

    @Override
    public String toString() {
        return value;
    }
}

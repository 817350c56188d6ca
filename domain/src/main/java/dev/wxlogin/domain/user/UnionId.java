package dev.wxlogin.domain.user;

import dev.wxlogin.domain.Validate;

/** A user's id across the mini programs bound to one Open Platform account. */
public record UnionId(String value) {
    public UnionId {
        Validate.identifier(value, 128, "unionid");
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.wxlogin.domain.user;

import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.Validate;

/** Our own id for a user: random, so it reveals neither the openid nor how many users exist. */
public record UserId(String value) {
    public UserId {
        Validate.identifier(value, 64, "user id");
    }

    public static UserId random() {
        return new UserId("u_" + Randomness.base64url(12));
    }

    @Override
    public String toString() {
        return value;
    }
}

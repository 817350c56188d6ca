package dev.wxlogin.domain.session;

import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.Validate;

/** A session's public name, for listing and revoking devices. Unrelated to the token. */
public record SessionId(String value) {
    public SessionId {
        Validate.identifier(value, 64, "session id");
    }

    public static SessionId random() {
        return new SessionId("s_" + Randomness.base64url(12));
    }

    @Override
    public String toString() {
        return value;
    }
}

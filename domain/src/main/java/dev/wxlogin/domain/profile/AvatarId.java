package dev.wxlogin.domain.profile;

import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.Validate;

/**
 * The unguessable name of one uploaded avatar, the last segment of its URL: 256 random bits. A new upload gets a
 * new id, so what an id names never changes and may be cached for good.
 */
public record AvatarId(String value) {
    public AvatarId {
        Validate.identifier(value, 64, "avatar id");
    }

    public static AvatarId random() {
        return new AvatarId(Randomness.base64url(32));
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.wxlogin.domain.profile;

import java.util.Objects;
import java.util.Optional;

/** What a user filled in: a nickname, an avatar; nothing until they do. */
public record Profile(Optional<Nickname> nickname, Optional<AvatarId> avatar) {
    public static final Profile EMPTY = new Profile(Optional.empty(), Optional.empty());

    public Profile {
        Objects.requireNonNull(nickname, "nickname");
        Objects.requireNonNull(avatar, "avatar");
    }
}

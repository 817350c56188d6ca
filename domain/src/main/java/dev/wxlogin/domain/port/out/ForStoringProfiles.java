package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/** What users filled in about themselves, and their avatar images. */
public interface ForStoringProfiles {
    /** {@link Profile#EMPTY} for a user who filled in nothing. */
    Profile profileOf(UserId user);

    void saveNickname(UserId user, Nickname nickname, Instant now);

    /**
     * Stores {@code image} under a new {@link AvatarId} and makes it the user's avatar; the one it replaces is deleted,
     * so its URL answers 404 from then on.
     */
    AvatarId saveAvatar(UserId user, Image image, Instant now);

    Optional<Image> avatar(AvatarId id);
}

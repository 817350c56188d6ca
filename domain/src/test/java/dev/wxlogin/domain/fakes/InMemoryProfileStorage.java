package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.port.out.ForStoringProfiles;
import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.user.UserId;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ForStoringProfiles} in memory, for service tests and as the contract's reference. */
public final class InMemoryProfileStorage implements ForStoringProfiles {
    private final Map<UserId, Profile> profiles = new ConcurrentHashMap<>();
    private final Map<AvatarId, Image> avatars = new ConcurrentHashMap<>();

    @Override
    public Profile profileOf(UserId user) {
        return profiles.getOrDefault(user, Profile.EMPTY);
    }

    @Override
    public synchronized void saveNickname(UserId user, Nickname nickname, Instant now) {
        profiles.put(user, new Profile(Optional.of(nickname), profileOf(user).avatar()));
    }

    @Override
    public synchronized AvatarId saveAvatar(UserId user, Image image, Instant now) {
        AvatarId id = AvatarId.random();
        Profile before = profileOf(user);
        before.avatar().ifPresent(avatars::remove);
        avatars.put(id, image);
        profiles.put(user, new Profile(before.nickname(), Optional.of(id)));
        return id;
    }

    @Override
    public Optional<Image> avatar(AvatarId id) {
        return Optional.ofNullable(avatars.get(id));
    }
}

package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.port.out.ForStoringProfiles;
import dev.wxlogin.domain.profile.AvatarId;
import dev.wxlogin.domain.profile.Image;
import dev.wxlogin.domain.profile.ImageFormat;
import dev.wxlogin.domain.profile.Nickname;
import dev.wxlogin.domain.profile.Profile;
import dev.wxlogin.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Profiles in {@code user_profile}, avatar images in {@code avatar}. */
public final class JdbiProfileStorageAdapter implements ForStoringProfiles {
    /** Read by every {@code GET /api/v1/me}: the fluent API, a mapper written once (see {@link SessionStatements}). */
    private static final String FIND_PROFILE = "SELECT nickname, avatar_id FROM user_profile WHERE user_id = :userId";
    private static final RowMapper<Profile> PROFILES = (rs, ctx) -> new Profile(
            Optional.ofNullable(rs.getString(1)).map(Nickname::new),
            Optional.ofNullable(rs.getString(2)).map(AvatarId::new));

    private final Storage storage;
    /** An empty profile is kept too: a user's row in user_profile is made by a write that names the user. */
    private final CachedReads<UserId, Profile> profiles;

    /** @param jdbi the one {@link Database#jdbi()} all adapters share */
    public JdbiProfileStorageAdapter(Jdbi jdbi) {
        this.storage = new Storage(Objects.requireNonNull(jdbi, "jdbi"));
        this.profiles = new CachedReads<>(jdbi, (user, profile) -> List.of(user.value()));
    }

    @Override
    public Profile profileOf(UserId user) {
        return profiles.get(user, () -> Optional.of(storage.read(handle -> handle.createQuery(FIND_PROFILE)
                .bind("userId", user.value()).map(PROFILES).findOne().orElse(Profile.EMPTY)))).orElseThrow();
    }

    @Override
    public void saveNickname(UserId user, Nickname nickname, Instant now) {
        storage.inTransaction(handle -> {
            ProfileDao dao = withRow(handle, user, now);
            return dao.updateNickname(user.value(), nickname.value(), now.toEpochMilli());
        });
    }

    /** The new row, the profile's pointer to it and the removal of the old one commit together. */
    @Override
    public AvatarId saveAvatar(UserId user, Image image, Instant now) {
        AvatarId id = AvatarId.random();
        storage.inTransaction(handle -> {
            ProfileDao dao = withRow(handle, user, now);
            dao.insertAvatar(id.value(), user.value(), image.format().mediaType(), now.toEpochMilli(), image.bytes());
            dao.updateAvatar(user.value(), id.value(), now.toEpochMilli());
            return dao.deleteAvatarsBut(user.value(), id.value());
        });
        return id;
    }

    @Override
    public Optional<Image> avatar(AvatarId id) {
        return storage.read(handle -> handle.attach(ProfileDao.class).findAvatar(id.value()))
                .map(row -> new Image(ImageFormat.ofMediaType(row.mediaType()).orElseThrow(
                        () -> new IllegalStateException("an avatar stored with an unknown media type")), row.image()));
    }

    /**
     * The DAO, once the user has a profile row, which stays locked by the update that follows until the transaction
     * ends. Two first saves at once: the one whose insert hits the key carries on with the row the other made.
     */
    private static ProfileDao withRow(Handle handle, UserId user, Instant now) {
        RowChanges.changed(handle, user.value());
        ProfileDao dao = handle.attach(ProfileDao.class);
        if (dao.find(user.value()).isEmpty()) {
            Savepoints.insertedNew(handle, () -> dao.insertEmpty(user.value(), now.toEpochMilli()));
        }
        return dao;
    }
}

package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** The {@code user_profile} and {@code avatar} tables; parameters bind by name. */
interface ProfileDao {
    @SqlQuery("SELECT nickname, avatar_id FROM user_profile WHERE user_id = :userId")
    @RegisterConstructorMapper(ProfileRow.class)
    Optional<ProfileRow> find(String userId);

    @SqlUpdate("INSERT INTO user_profile (user_id, updated_at) VALUES (:userId, :now)")
    void insertEmpty(String userId, long now);

    @SqlUpdate("UPDATE user_profile SET nickname = :nickname, updated_at = :now WHERE user_id = :userId")
    int updateNickname(String userId, String nickname, long now);

    @SqlUpdate("UPDATE user_profile SET avatar_id = :avatarId, updated_at = :now WHERE user_id = :userId")
    int updateAvatar(String userId, String avatarId, long now);

    @SqlUpdate("""
            INSERT INTO avatar (id, user_id, media_type, created_at, image)
            VALUES (:id, :userId, :mediaType, :now, :image)""")
    void insertAvatar(String id, String userId, String mediaType, long now, byte[] image);

    /** The user's avatars but {@code keep}: those their profile no longer shows. */
    @SqlUpdate("DELETE FROM avatar WHERE user_id = :userId AND id <> :keep")
    int deleteAvatarsBut(String userId, String keep);

    @SqlQuery("SELECT media_type, image FROM avatar WHERE id = :id")
    @RegisterConstructorMapper(AvatarRow.class)
    Optional<AvatarRow> findAvatar(String id);

    record ProfileRow(String nickname, String avatarId) {
    }

    record AvatarRow(String mediaType, byte[] image) {
    }
}

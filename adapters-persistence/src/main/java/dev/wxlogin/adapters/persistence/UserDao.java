package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** The {@code app_user} table; parameters bind by name. */
interface UserDao {
    @SqlUpdate("""
            INSERT INTO app_user (id, app_id, openid, unionid, created_at, last_login_at,
                                  session_key_ciphertext, session_key_key_id)
            VALUES (:id, :appId, :openId, :unionId, :now, :now, :ciphertext, :keyId)""")
    void insert(String id, String appId, String openId, String unionId, long now, String ciphertext, String keyId);

    @SqlQuery("SELECT id FROM app_user WHERE app_id = :appId AND openid = :openId")
    Optional<String> findId(String appId, String openId);

    /** Also takes the row's lock until the transaction ends. A disabled user's row is not touched. */
    @SqlUpdate("""
            UPDATE app_user
               SET session_key_ciphertext = :ciphertext, session_key_key_id = :keyId,
                   unionid = COALESCE(:unionId, unionid), last_login_at = :now
             WHERE id = :id AND disabled_at IS NULL""")
    void recordLogin(String id, String unionId, long now, String ciphertext, String keyId);

    @SqlQuery("""
            SELECT id, app_id, openid, unionid, created_at, disabled_at, phone_ciphertext, phone_key_id
              FROM app_user WHERE id = :id""")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(String id);

    @SqlQuery("""
            SELECT session_key_ciphertext AS ciphertext, session_key_key_id AS key_id FROM app_user
             WHERE id = :id AND session_key_ciphertext IS NOT NULL AND session_key_key_id IS NOT NULL""")
    @RegisterConstructorMapper(SessionKeyCipher.Sealed.class)
    Optional<SessionKeyCipher.Sealed> findSessionKey(String id);

    /** Only while the stored ciphertext is the one read: a login that stored a newer key meanwhile wins. */
    @SqlUpdate("""
            UPDATE app_user SET session_key_ciphertext = :ciphertext, session_key_key_id = :keyId
             WHERE id = :id AND session_key_ciphertext = :expectedCiphertext""")
    int replaceSessionKey(String id, String expectedCiphertext, String ciphertext, String keyId);

    @SqlUpdate("UPDATE app_user SET phone_ciphertext = :ciphertext, phone_key_id = :keyId WHERE id = :id")
    int savePhone(String id, String ciphertext, String keyId);

    /** A second call keeps the first time. */
    @SqlUpdate("UPDATE app_user SET disabled_at = COALESCE(disabled_at, :now) WHERE id = :id")
    int disable(String id, long now);

    record Row(String id, String appId, String openid, String unionid, long createdAt, Long disabledAt,
               String phoneCiphertext, String phoneKeyId) {
    }
}

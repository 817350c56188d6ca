package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/**
 * The {@code app_user} statements off the hot paths; parameters bind by name. Those of every login and request
 * are {@link UserStatements}.
 */
interface UserDao {
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

    /** Only where there is none: a unionid, once known, stays. */
    @SqlUpdate("UPDATE app_user SET unionid = :unionId WHERE id = :id AND unionid IS NULL")
    int adoptUnionId(String id, String unionId);

    @SqlQuery("SELECT account_id FROM app_user WHERE id = :id")
    String accountOf(String id);

    /** A second call keeps the first time. */
    @SqlUpdate("UPDATE app_user SET disabled_at = COALESCE(disabled_at, :now) WHERE id = :id")
    int disable(String id, long now);

    @SqlUpdate("UPDATE app_user SET disabled_at = NULL WHERE id = :id")
    int enable(String id);
}

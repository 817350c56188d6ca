package dev.wxlogin.adapters.persistence;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** The {@code access_token} table; parameters bind by name. A lease is held while {@code lease_until > now}. */
interface AccessTokenDao {
    @SqlQuery("""
            SELECT token_ciphertext AS ciphertext, token_key_id AS key_id, fetched_at, expires_at, token_version AS version
              FROM access_token WHERE app_id = :appId AND token_ciphertext IS NOT NULL""")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(String appId);

    /** The row of an AppID without a token yet, for its first lease; fails on the key if the row exists. */
    @SqlUpdate("INSERT INTO access_token (app_id, token_version, forced_count) VALUES (:appId, 0, 0)")
    void insertEmpty(String appId);

    /** Of concurrent takers the database lets only the first see the lease free. */
    @SqlUpdate("""
            UPDATE access_token SET lease_owner = :owner, lease_until = :until
             WHERE app_id = :appId AND (lease_owner IS NULL OR lease_until <= :now)""")
    int takeLease(String appId, String owner, long now, long until);

    @SqlUpdate("UPDATE access_token SET lease_owner = NULL, lease_until = NULL WHERE app_id = :appId AND lease_owner = :owner")
    void releaseLease(String appId, String owner);

    @SqlUpdate("""
            UPDATE access_token
               SET token_ciphertext = :ciphertext, token_key_id = :keyId, fetched_at = :fetchedAt,
                   expires_at = :expiresAt, token_version = :version
             WHERE app_id = :appId AND token_version < :version""")
    int saveNewer(String appId, String ciphertext, String keyId, long fetchedAt, long expiresAt, long version);

    @SqlUpdate("""
            INSERT INTO access_token (app_id, token_ciphertext, token_key_id, fetched_at, expires_at, token_version,
                                      forced_count)
            VALUES (:appId, :ciphertext, :keyId, :fetchedAt, :expiresAt, :version, 0)""")
    void insert(String appId, String ciphertext, String keyId, long fetchedAt, long expiresAt, long version);

    /**
     * Counts one forced refresh if the last was at or before {@code latestLast} and {@code day} has fewer than
     * {@code perDay}. The count is assigned first: MySQL evaluates SET left to right, with the values already set.
     */
    @SqlUpdate("""
            UPDATE access_token
               SET forced_count = CASE WHEN forced_day = :day THEN forced_count + 1 ELSE 1 END,
                   forced_day = :day, forced_at = :now
             WHERE app_id = :appId AND (forced_at IS NULL OR forced_at <= :latestLast)
               AND (forced_day IS NULL OR forced_day <> :day OR forced_count < :perDay)""")
    int countForced(String appId, long now, long latestLast, long day, int perDay);

    @SqlQuery("SELECT forced_count FROM access_token WHERE app_id = :appId")
    int forcedCount(String appId);

    record Row(String ciphertext, String keyId, long fetchedAt, long expiresAt, long version) {
        SessionKeyCipher.Sealed sealed() {
            return new SessionKeyCipher.Sealed(ciphertext, keyId);
        }
    }
}

package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The {@code app_user} statements of every login and every authenticated request, for Jdbi's fluent API
 * with a hand-written mapper (see {@link SessionStatements} for why). Parameters bind by name.
 */
final class UserStatements {
    static final String INSERT = """
            INSERT INTO app_user (id, account_id, app_id, openid, unionid, created_at, last_login_at,
                                  session_key_ciphertext, session_key_key_id)
            VALUES (:id, :accountId, :appId, :openId, :unionId, :now, :now, :ciphertext, :keyId)""";

    /** Its columns in the order {@link #KNOWN} reads them. */
    static final String FIND_KNOWN = "SELECT id, account_id, unionid FROM app_user WHERE app_id = :appId AND openid = :openId";

    static final RowMapper<Known> KNOWN = (rs, ctx) -> new Known(rs.getString(1), rs.getString(2), rs.getString(3));

    /**
     * Takes the row's lock until the transaction ends, by its primary key: a login that lost the race to insert the
     * user holds a shared lock on the (app_id, openid) entry on MariaDB, and two such logins locking that entry
     * would deadlock. Its columns in the order {@link #LOCKED} reads them.
     */
    static final String LOCK = "SELECT account_id, disabled_at FROM app_user WHERE id = :id FOR UPDATE";

    static final RowMapper<Locked> LOCKED = (rs, ctx) -> new Locked(rs.getString(1), Columns.nullableLong(rs, 2) != null);

    /**
     * Also takes the row's lock until the transaction ends. A disabled user's row is not touched. A unionid, once
     * known, stays (it is how the user's account was found).
     */
    static final String RECORD_LOGIN = """
            UPDATE app_user
               SET session_key_ciphertext = :ciphertext, session_key_key_id = :keyId,
                   unionid = COALESCE(unionid, :unionId), last_login_at = :now
             WHERE id = :id AND disabled_at IS NULL""";

    /** In the order {@link #users} reads them. */
    static final String COLUMNS = "id, account_id, app_id, openid, unionid, created_at, disabled_at, "
            + "phone_ciphertext, phone_key_id";

    static final String FIND = "SELECT " + COLUMNS + " FROM app_user WHERE id = :id";

    /**
     * Rows selected with {@link #COLUMNS}, read by position (see {@link SessionStatements#SESSIONS}) after the first
     * {@code offset} columns, which are another table's in a join; a sealed phone number is opened by {@code phones}.
     */
    static RowMapper<User> users(BiFunction<UserId, SessionKeyCipher.Sealed, Optional<PhoneNumber>> phones, int offset) {
        return (rs, ctx) -> {
            UserId id = new UserId(rs.getString(offset + 1));
            String phoneCiphertext = rs.getString(offset + 8);
            String phoneKeyId = rs.getString(offset + 9);
            Optional<PhoneNumber> phone = phoneCiphertext == null || phoneKeyId == null
                    ? Optional.empty()
                    : phones.apply(id, new SessionKeyCipher.Sealed(phoneCiphertext, phoneKeyId));
            return new User(id, new AccountId(rs.getString(offset + 2)), new AppId(rs.getString(offset + 3)),
                    new OpenId(rs.getString(offset + 4)), Optional.ofNullable(rs.getString(offset + 5)).map(UnionId::new),
                    Instant.ofEpochMilli(rs.getLong(offset + 6)),
                    Optional.ofNullable(Columns.nullableLong(rs, offset + 7)).map(Instant::ofEpochMilli), phone);
        };
    }

    /** A user found by (AppID, openid): enough to record a login. {@code unionId} is null until WeChat reports one. */
    record Known(String id, String accountId, String unionId) {}

    /** A user's row as {@link #LOCK} found it: nobody changes it before the transaction ends. */
    record Locked(String accountId, boolean disabled) {}

    private UserStatements() {}
}

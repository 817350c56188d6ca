package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.user.UnionId;
import dev.wxlogin.domain.user.User;
import dev.wxlogin.domain.user.UserId;

import java.time.Instant;
import java.util.Optional;

/**
 * Users, unique per (AppID, openid), the latest {@code session_key} WeChat gave for each, and the account each
 * belongs to. Users who share a unionid share one account: a user's first login makes a new account unless its
 * unionid leads to one. When a user without a unionid gets one (from a login or from open data) that another
 * account holds already, the user's account is merged into that one: the account holding the unionid survives,
 * and every user and identity of the other moves to it (phone numbers, profiles and sessions stay with their
 * users). Concurrent first logins of one person in several mini programs make one account.
 */
public interface ForStoringUsers {
    /**
     * Creates the user on first login or finds them, and replaces their stored {@code session_key} (and
     * records the unionid, once WeChat reports one, on a user who has none). A disabled user's row is left exactly as it was, decided by the same
     * statement that would write it, so a login racing a disable cannot slip a new key in: the caller sees
     * {@link User#disabled()} and refuses the login. Safe under concurrency: two first logins of one openid
     * make one row. Inside a transaction, the user's row stays locked until it ends, which serialises the
     * logins of one user.
     */
    RecordedLogin recordLogin(AppId appId, WeChatIdentity identity, Instant now);

    /**
     * Binds WeChat to an account that has none in this mini program (a password made it): creates the user in
     * {@code account}, or finds them there and replaces their {@code session_key}; a unionid that no account holds
     * becomes the account's. Nothing is written, and the answer says why, when the user belongs to another account,
     * when the unionid is another account's, or when the user is disabled. Safe under concurrency as
     * {@link #recordLogin} is; inside a transaction the user's row stays locked until it ends.
     */
    Binding bindToAccount(AppId appId, WeChatIdentity identity, AccountId account, Instant now);

    Optional<User> findById(UserId id);

    /** The newest {@code session_key} WeChat gave for the user, for verifying and decrypting their open data. */
    Optional<SessionKey> sessionKeyOf(UserId id);

    /**
     * Records a unionid learned from the user's open data on a user who has none, joining its account as a login
     * would; one they have stays. Returns whether it was recorded.
     */
    boolean adoptUnionId(UserId id, UnionId unionId, Instant now);

    /**
     * Replaces the stored {@code session_key} with {@code replacement}, only if it still is {@code current}: a login
     * that stored a newer key meanwhile wins. Returns whether it replaced it.
     */
    boolean replaceSessionKey(UserId id, SessionKey current, SessionKey replacement);

    /** Stores the user's phone number, replacing any earlier one; returns false if there is no such user. */
    boolean savePhone(UserId id, PhoneNumber phone);

    /** Marks the user disabled; returns false if there is no such user. */
    boolean disable(UserId id, Instant now);

    /** Clears the user's disabled mark, if any; returns false if there is no such user. */
    boolean enable(UserId id);

    /** What {@link #bindToAccount} did: the user, only if {@link BindOutcome#BOUND}. */
    record Binding(BindOutcome outcome, Optional<User> user) {
        public static Binding bound(User user) {
            return new Binding(BindOutcome.BOUND, Optional.of(user));
        }

        public static Binding refused(BindOutcome outcome) {
            return new Binding(outcome, Optional.empty());
        }
    }

    enum BindOutcome { BOUND, USER_OF_ANOTHER_ACCOUNT, UNIONID_OF_ANOTHER_ACCOUNT, USER_DISABLED }

    /** @param created whether this login created the user */
    record RecordedLogin(User user, boolean created) {
    }
}

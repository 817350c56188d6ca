package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.account.AccountId;
import org.jdbi.v3.core.Handle;

import java.util.Optional;

/**
 * Which account a WeChat user belongs to. A unionid is an identity of exactly one account (the primary key of
 * {@code account_identity} settles races between instances); when a user's unionid turns out to be held by another
 * account, the user's account is folded into that one (see {@link #link}). Runs on the caller's handle, inside its
 * transaction.
 */
final class AccountLinks {
    private static final String UNIONID = "unionid";

    private static final String FIND = "SELECT account_id FROM account_identity WHERE provider = :provider AND subject = :subject";
    private static final String INSERT_ACCOUNT = "INSERT INTO account (id, created_at) VALUES (:id, :now)";
    private static final String INSERT_IDENTITY = """
            INSERT INTO account_identity (provider, subject, account_id, created_at)
            VALUES (:provider, :subject, :account, :now)""";
    private static final String MOVE_USERS = "UPDATE app_user SET account_id = :into WHERE account_id = :from";
    private static final String MOVE_SESSIONS = "UPDATE user_session SET account_id = :into WHERE account_id = :from";
    private static final String MOVE_IDENTITIES = "UPDATE account_identity SET account_id = :into WHERE account_id = :from";
    private static final String DELETE_ACCOUNT = "DELETE FROM account WHERE id = :id";

    /** A new account, for a first login that brings no unionid. */
    static void insertAccount(Handle handle, String id, long now) {
        handle.createUpdate(INSERT_ACCOUNT).bind("id", id).bind("now", now).execute();
    }

    /** The account holding the unionid, made with it if none does; two instances making it at once agree on one. */
    static String accountOf(Handle handle, String unionId, long now) {
        Optional<String> held = holderOf(handle, unionId);
        if (held.isPresent()) {
            return held.get();
        }
        String fresh = AccountId.random().value();
        if (Savepoints.insertedNew(handle, () -> {
            insertAccount(handle, fresh, now);
            insertIdentity(handle, unionId, fresh, now);
        })) {
            return fresh;
        }
        return holderOf(handle, unionId).orElseThrow(() -> new IllegalStateException("a unionid that blocked an insert has gone"));
    }

    /**
     * Makes the unionid, newly learned for a user of {@code account}, lead to that user's account; returns the account
     * the user belongs to afterwards. The rule when another account holds it already: that account survives, and
     * every user, session and identity of {@code account} moves to it before {@code account} is deleted. Nothing
     * else is lost: phone numbers and profiles belong to the users, which keep their ids.
     */
    static String link(Handle handle, String account, String unionId, long now) {
        Optional<String> held = holderOf(handle, unionId);
        if (held.isEmpty() && Savepoints.insertedNew(handle, () -> insertIdentity(handle, unionId, account, now))) {
            return account;
        }
        String holder = held.or(() -> holderOf(handle, unionId))
                .orElseThrow(() -> new IllegalStateException("a unionid that blocked an insert has gone"));
        if (!holder.equals(account)) {
            fold(handle, account, holder);
        }
        return holder;
    }

    private static void fold(Handle handle, String from, String into) {
        RowChanges.changed(handle, from); // the users and sessions of the account, by their account_id
        handle.createUpdate(MOVE_USERS).bind("into", into).bind("from", from).execute();
        handle.createUpdate(MOVE_SESSIONS).bind("into", into).bind("from", from).execute();
        handle.createUpdate(MOVE_IDENTITIES).bind("into", into).bind("from", from).execute();
        handle.createUpdate(DELETE_ACCOUNT).bind("id", from).execute();
    }

    /** The account holding the unionid, if any. */
    static Optional<String> holderOf(Handle handle, String unionId) {
        return handle.createQuery(FIND).bind("provider", UNIONID).bind("subject", unionId).mapTo(String.class).findOne();
    }

    /**
     * Makes the unionid lead to {@code account}; fails on a duplicate key if an account holds it (see
     * {@link Savepoints#insertedNew}).
     */
    static void insertIdentity(Handle handle, String unionId, String account, long now) {
        handle.createUpdate(INSERT_IDENTITY)
                .bind("provider", UNIONID)
                .bind("subject", unionId)
                .bind("account", account)
                .bind("now", now)
                .execute();
    }

    private AccountLinks() {}
}

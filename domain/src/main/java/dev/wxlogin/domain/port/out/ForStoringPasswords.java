package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.password.PasswordCredential;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Account names and their password hashes. A name is an identity of one account, like a unionid, and its hash belongs
 * to the name: an account that a merge gave two names keeps both, each with its own password.
 */
public interface ForStoringPasswords {
    /**
     * Makes a new account with the name and the hash, unless the name is taken; returns the account, or empty. Of
     * concurrent registrations of one name, on any instances, exactly one makes an account.
     */
    Optional<AccountId> register(Username username, PasswordHash hash, Instant now);

    Optional<PasswordCredential> find(Username username);

    /** The account's names, oldest first; none for an account that only WeChat made. */
    List<Username> usernamesOf(AccountId account);

    /**
     * Gives an existing account the name with the hash, unless any account has the name already; returns whether it
     * did. Of concurrent claims of one name, on any instances, exactly one succeeds.
     */
    boolean addUsername(AccountId account, Username username, PasswordHash hash, Instant now);

    /**
     * Locks the account until the calling transaction ends, so that password logins of one account, on any instances,
     * apply the device policy one after another.
     */
    void lockAccount(AccountId account);

    /**
     * Replaces the name's hash with {@code replacement}, only if it still is {@code current}: a rehash at login never
     * undoes a password change that committed meanwhile. Returns whether it replaced it.
     */
    boolean replaceHash(Username username, PasswordHash current, PasswordHash replacement, Instant now);
}

package dev.wxlogin.application;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordCredential;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.password.FailureLimits;
import dev.wxlogin.domain.port.out.ForCountingLoginFailures;
import dev.wxlogin.domain.port.out.ForHashingPasswords;
import dev.wxlogin.domain.port.out.ForRecognisingCommonPasswords;
import dev.wxlogin.domain.port.out.ForStoringPasswords;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Optional;

/**
 * The password half of registration and password login, before any session: which account a name and a password
 * prove. An unknown name and a wrong password fail alike (the same reason, the same hashing work, the same counting),
 * and the log says neither which it was nor the name. A hash made with outdated parameters is replaced on a
 * successful login.
 */
public final class PasswordAccounts {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForStoringPasswords passwords;
    private final PasswordChecks checks;
    private final FailedLoginLimits limits;
    private final Clock clock;

    /**
     * Make one and share it between the services that need it: unknown names are checked against one dummy hash
     * (as long as a login takes), which {@link #prepare} starts making.
     */
    public PasswordAccounts(ForStoringPasswords passwords, ForHashingPasswords hasher,
                            ForRecognisingCommonPasswords commonPasswords, ForCountingLoginFailures failures,
                            FailureLimits limits, Clock clock) {
        this(passwords, new PasswordChecks(hasher, commonPasswords), new FailedLoginLimits(failures, limits, clock), clock);
    }

    PasswordAccounts(ForStoringPasswords passwords, PasswordChecks checks, FailedLoginLimits limits, Clock clock) {
        this.passwords = passwords;
        this.checks = checks;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * Starts hashing the dummy password on a thread of its own: call it once the server answers, so that the hash does
     * not compete with the start for the CPU. A password check that comes first starts it itself, and every check waits
     * for it, so that a known and an unknown name take alike even then.
     */
    public void prepare() {
        checks.prepare();
    }

    /**
     * The hash a new password is stored as, or {@code COMMON_PASSWORD}. Made before any transaction starts: tens of
     * milliseconds of work that should not hold a pooled connection.
     */
    PasswordHash hashNew(Password password) {
        return checks.hashNew(password);
    }

    /** A new account with the name and the hash; {@code USERNAME_TAKEN} if another has the name. */
    AccountId register(Username username, PasswordHash hash) {
        AccountId account = passwords.register(username, hash, clock.instant())
                .orElseThrow(CredentialsRejected::usernameTaken);
        EVENTS.log(Level.INFO, "account registered account={0}", account);
        return account;
    }

    /** Gives an account made by WeChat its first name; {@code USERNAME_TAKEN} if another has it. */
    void addUsername(AccountId account, Username username, PasswordHash hash) {
        if (!passwords.addUsername(account, username, hash, clock.instant())) {
            throw CredentialsRejected.usernameTaken();
        }
        EVENTS.log(Level.INFO, "username added account={0}", account);
    }

    /**
     * Replaces the password of the account's name once {@code current} proves the caller knows it. A wrong one counts
     * as a failed login of the name, so a stolen session cannot guess the password faster than a login could. The new
     * password is hashed only after the current one is proven: a locked or guessing caller costs one hash, not two.
     */
    void changePassword(AccountId account, Username username, Password current, Password replacement,
                        String clientIp) {
        checks.refuseIfCommon(replacement);
        limits.refuseIfLocked(username, clientIp);
        Optional<PasswordHash> stored = passwords.find(username)
                .filter(credential -> credential.account().equals(account))
                .map(PasswordCredential::hash);
        boolean replaced = checks.matches(current, stored) && passwords.replaceHash(username, stored.orElseThrow(),
                checks.hashNew(replacement), clock.instant());
        if (!replaced) { // wrong, or no longer current: another change committed since it was read
            limits.failed(username, clientIp);
            EVENTS.log(Level.INFO, "password change refused account={0} reason=wrong_current_password", account);
            throw new CredentialsRejected(CredentialsRejected.Reason.WRONG_CURRENT_PASSWORD);
        }
        limits.succeeded(username);
        EVENTS.log(Level.INFO, "password changed account={0}", account);
    }

    /** The account the name and password prove, or {@code INVALID_CREDENTIALS}, or {@code TOO_MANY_FAILURES}. */
    AccountId verify(Username username, Password password, String clientIp) {
        limits.refuseIfLocked(username, clientIp);
        Optional<PasswordCredential> stored = passwords.find(username);
        if (!checks.matches(password, stored.map(PasswordCredential::hash))) {
            limits.failed(username, clientIp);
            EVENTS.log(Level.INFO, "password login refused reason=invalid_credentials");
            throw new CredentialsRejected(CredentialsRejected.Reason.INVALID_CREDENTIALS);
        }
        PasswordCredential credential = stored.orElseThrow();
        limits.succeeded(username);
        checks.rehashed(password, credential.hash())
                .ifPresent(fresh -> passwords.replaceHash(username, credential.hash(), fresh, clock.instant()));
        return credential.account();
    }
}

package dev.wxlogin.application;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordCredential;
import dev.wxlogin.domain.password.Username;
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
final class PasswordAccounts {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final ForStoringPasswords passwords;
    private final PasswordChecks checks;
    private final FailedLoginLimits limits;
    private final Clock clock;

    PasswordAccounts(ForStoringPasswords passwords, PasswordChecks checks, FailedLoginLimits limits, Clock clock) {
        this.passwords = passwords;
        this.checks = checks;
        this.limits = limits;
        this.clock = clock;
    }

    /** A new account with the name and the password; {@code USERNAME_TAKEN} if another has the name. */
    AccountId register(Username username, Password password) {
        AccountId account = passwords.register(username, checks.hashNew(password), clock.instant())
                .orElseThrow(() -> new CredentialsRejected(CredentialsRejected.Reason.USERNAME_TAKEN));
        EVENTS.log(Level.INFO, "account registered account={0}", account);
        return account;
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

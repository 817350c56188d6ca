package dev.wxlogin.application;

import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.port.out.ForHashingPasswords;
import dev.wxlogin.domain.port.out.ForRecognisingCommonPasswords;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Hashing a new password (refused if it is a common one) and checking a given one. An account name nobody has is
 * checked against a dummy hash made with the same parameters, so an unknown name costs the same time as a wrong
 * password and the answer's timing does not tell whether the name exists (ASVS 6.3.8). The dummy is made once, on a
 * thread of its own as the server is made, off its start-up path; a check that comes sooner waits for it.
 */
final class PasswordChecks {
    private final ForHashingPasswords hasher;
    private final ForRecognisingCommonPasswords commonPasswords;
    private final CompletableFuture<PasswordHash> dummy;

    PasswordChecks(ForHashingPasswords hasher, ForRecognisingCommonPasswords commonPasswords) {
        this.hasher = hasher;
        this.commonPasswords = commonPasswords;
        // a random password nobody knows, so the dummy matches nothing anyone can send
        this.dummy = CompletableFuture.supplyAsync(() -> hasher.hash(new Password(Randomness.base64url(32))),
                task -> Thread.ofPlatform().name("wxlogin-dummy-hash").daemon().start(task));
    }

    PasswordHash hashNew(Password password) {
        refuseIfCommon(password);
        return hasher.hash(password);
    }

    /** {@code COMMON_PASSWORD} for a new password on the list: a lookup, so it can come before any hashing. */
    void refuseIfCommon(Password password) {
        if (commonPasswords.isCommon(password)) {
            throw new CredentialsRejected(CredentialsRejected.Reason.COMMON_PASSWORD);
        }
    }

    /**
     * Whether {@code password} is the one {@code stored} was made of; false, after the same work, when there is none.
     * Every check waits for the dummy, so that even just after start a known and an unknown name take alike.
     */
    boolean matches(Password password, Optional<PasswordHash> stored) {
        PasswordHash unknownName = dummy.join();
        boolean matches = hasher.verify(password, stored.orElse(unknownName));
        return stored.isPresent() && matches;
    }

    /**
     * A hash of the stored password under the current parameters, if {@code stored} was made with others. The list
     * of common passwords is not asked: it judges new passwords, and a login must not fail because the list grew.
     */
    Optional<PasswordHash> rehashed(Password password, PasswordHash stored) {
        return hasher.needsRehash(stored) ? Optional.of(hasher.hash(password)) : Optional.empty();
    }
}

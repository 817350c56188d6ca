package dev.wxlogin.application;

import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.error.CredentialsRejected;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.port.out.ForHashingPasswords;
import dev.wxlogin.domain.port.out.ForRecognisingCommonPasswords;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hashing a new password (refused if it is a common one) and checking a given one. An account name nobody has is
 * checked against a dummy hash made with the same parameters, so an unknown name costs the same time as a wrong
 * password and the answer's timing does not tell whether the name exists (ASVS 6.3.8). The dummy is made once, on a
 * thread of its own, when {@link #prepare} is called (once the server answers: the hash would compete with the start
 * for the CPU) or by the first check, whichever comes first; every check waits for it.
 */
final class PasswordChecks {
    private final ForHashingPasswords hasher;
    private final ForRecognisingCommonPasswords commonPasswords;
    private final AtomicReference<CompletableFuture<PasswordHash>> dummy = new AtomicReference<>();

    PasswordChecks(ForHashingPasswords hasher, ForRecognisingCommonPasswords commonPasswords) {
        this.hasher = hasher;
        this.commonPasswords = commonPasswords;
    }

    /** Starts making the dummy, unless it is under way. */
    void prepare() {
        dummy();
    }

    private CompletableFuture<PasswordHash> dummy() {
        CompletableFuture<PasswordHash> fresh = new CompletableFuture<>();
        if (dummy.compareAndSet(null, fresh)) {
            // a random password nobody knows, so the dummy matches nothing anyone can send
            fresh.completeAsync(() -> hasher.hash(new Password(Randomness.base64url(32))),
                    task -> Thread.ofPlatform().name("wxlogin-dummy-hash").daemon().start(task));
        }
        return dummy.get();
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
        PasswordHash unknownName = dummy().join();
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

package dev.wxlogin.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A password login or a new password is refused. {@link Reason#INVALID_CREDENTIALS} is the one answer to an unknown
 * name and a wrong password alike, so that nobody learns which names exist.
 */
public final class CredentialsRejected extends DomainException {
    public enum Reason {
        /** No such account name, or the password is not its password: deliberately one reason. */
        INVALID_CREDENTIALS,
        /** Too many failed logins for the name or from the client; {@link #retryAfter()} says when to try again. */
        TOO_MANY_FAILURES,
        /** A new password that is on the list of common passwords. */
        COMMON_PASSWORD,
        /** A registration of a name that an account has already (whatever its case or width). */
        USERNAME_TAKEN,
        /** A password change whose current password is not the account's. */
        WRONG_CURRENT_PASSWORD,
        /** A password change naming a username the account does not have: it has one already, and keeps it. */
        USERNAME_ALREADY_SET
    }

    private final Reason reason;
    private final Optional<Duration> retryAfter;

    public CredentialsRejected(Reason reason) {
        this(reason, Optional.empty());
    }

    private CredentialsRejected(Reason reason, Optional<Duration> retryAfter) {
        super("credentials rejected: " + reason);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    public static CredentialsRejected usernameTaken() {
        return new CredentialsRejected(Reason.USERNAME_TAKEN);
    }

    public static CredentialsRejected tooManyFailures(Duration retryAfter) {
        return new CredentialsRejected(Reason.TOO_MANY_FAILURES, Optional.of(retryAfter));
    }

    public Reason reason() {
        return reason;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}

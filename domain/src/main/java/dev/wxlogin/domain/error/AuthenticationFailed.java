package dev.wxlogin.domain.error;

/** A session token that does not (or no longer does) identify a live session, and why. */
public final class AuthenticationFailed extends DomainException {
    public enum Reason {
        /** Missing, malformed, never issued, or already cleaned up: deliberately indistinguishable. */
        UNAUTHENTICATED,
        /** Idle timeout or absolute lifetime passed. */
        SESSION_EXPIRED,
        /** Terminated by a newer login under the device policy. */
        SESSION_REPLACED,
        /** Logged out, by this device or another one of the same user. */
        SESSION_REVOKED
    }

    private final Reason reason;

    public AuthenticationFailed(Reason reason) {
        super("authentication failed: " + reason);
        this.reason = reason;
    }

    public static AuthenticationFailed unauthenticated() {
        return new AuthenticationFailed(Reason.UNAUTHENTICATED);
    }

    public Reason reason() {
        return reason;
    }
}

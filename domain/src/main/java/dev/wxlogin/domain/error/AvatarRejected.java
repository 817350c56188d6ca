package dev.wxlogin.domain.error;

/** An avatar upload the server does not take, and why. Nothing of it was stored. */
public final class AvatarRejected extends DomainException {
    public enum Reason {
        /** Its bytes begin like no JPEG, PNG or WebP, whatever it was declared to be. */
        UNSUPPORTED_FORMAT,
        /** It begins like one, but does not decode as one: truncated, corrupt, or something else in disguise. */
        INVALID_IMAGE,
        /** More bytes, or more pixels, than an avatar may have. */
        TOO_LARGE
    }

    private final Reason reason;

    public AvatarRejected(Reason reason) {
        super("avatar rejected: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

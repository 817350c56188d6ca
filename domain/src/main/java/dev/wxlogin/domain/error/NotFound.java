package dev.wxlogin.domain.error;

/** The thing asked for does not exist for this caller (someone else's session looks the same). */
public final class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }
}

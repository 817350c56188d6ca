package dev.wxlogin.domain.error;

/**
 * The database does not answer. Nothing was decided: a login gets no token, a token is not accepted
 * (failing closed), and the client may try again shortly.
 */
public final class StorageUnavailable extends DomainException {
    public StorageUnavailable(String message) {
        super(message);
    }
}

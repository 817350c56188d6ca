package dev.wxlogin.domain.error;

/** A request the domain refuses before doing anything: malformed code, token, id or field. */
public final class InvalidInput extends DomainException {
    public InvalidInput(String message) {
        super(message);
    }
}

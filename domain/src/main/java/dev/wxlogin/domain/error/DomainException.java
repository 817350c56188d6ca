package dev.wxlogin.domain.error;

/**
 * Every failure the domain reports. The hierarchy is sealed so that a driving adapter's mapping to its
 * own error format is checked for completeness by the compiler. Messages are written for humans and
 * never contain a secret, a code or a token.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput, LoginRejected, AuthenticationFailed, UpstreamFailure, StorageUnavailable, StorageBusy,
        NotFound {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

package dev.wxlogin.domain.error;

/**
 * Every failure the domain reports. The hierarchy is sealed so that a driving adapter's mapping to its
 * own error format is checked for completeness by the compiler. A failure carries its reason (an enum or
 * its type); what a client reads is the driving adapter's business (the REST adapter's {@code ProblemType}
 * is the one catalogue of those texts). Messages are short and for developers, except that of
 * {@link InvalidInput}, which names the field and the rule broken. None contains a secret, a code or a token.
 */
public abstract sealed class DomainException extends RuntimeException
        permits InvalidInput, LoginRejected, AuthenticationFailed, UpstreamFailure, StorageUnavailable, StorageBusy,
        NotFound, AccessTokenRejected, OpenDataRejected, AvatarRejected, PhoneCodeRejected, CredentialsRejected,
        WeChatSessionRequired, WeChatBoundElsewhere {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

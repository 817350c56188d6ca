package dev.wxlogin.domain.session;

import dev.wxlogin.domain.error.AuthenticationFailed;

/** Why a session was ended before it expired; kept so the client can be told. */
public enum EndReason {
    /** Logged out, by the user on this device or from another device. */
    REVOKED(AuthenticationFailed.Reason.SESSION_REVOKED),
    /** Terminated by a newer login under the device policy. */
    REPLACED(AuthenticationFailed.Reason.SESSION_REPLACED);

    private final AuthenticationFailed.Reason failure;

    EndReason(AuthenticationFailed.Reason failure) {
        this.failure = failure;
    }

    public AuthenticationFailed.Reason failure() {
        return failure;
    }
}

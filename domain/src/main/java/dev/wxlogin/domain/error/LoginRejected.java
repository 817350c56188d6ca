package dev.wxlogin.domain.error;

/**
 * The login is refused: WeChat or our replay guard refused the code (the client should call {@code wx.login()}
 * again), the user may not log in, or the login names a mini program this server does not serve.
 */
public final class LoginRejected extends DomainException {
    public enum Reason {
        /** Unknown, expired, garbled, or issued for another AppID (WeChat 40029). */
        INVALID_CODE,
        /** Already exchanged once (WeChat 40163, or our own record of exchanged codes). */
        CODE_USED,
        /** WeChat blocked this user as high-risk (40226). */
        USER_BLOCKED,
        /** An operator disabled the account; nothing of the login was recorded. Not WeChat's doing. */
        ACCOUNT_DISABLED,
        /** The AppID is not one this server serves: refused before anything is written or WeChat is asked. */
        UNKNOWN_APP
    }

    private final Reason reason;

    public LoginRejected(Reason reason) {
        super("login rejected: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

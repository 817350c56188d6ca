package dev.wxlogin.domain.error;

/**
 * A WeChat API refused the access_token it was called with (40001, 40014, 42001): the caller, which knows the token
 * it used, asks {@link dev.wxlogin.domain.port.in.ForGettingAccessTokens#replaceRejected} for a live one and tries
 * once more. It carries no token: the errors depend on no other package of the domain (the token's package depends
 * on them, through its validation), and the message could never hold one.
 */
public final class AccessTokenRejected extends DomainException {
    private final int errcode;

    public AccessTokenRejected(int errcode) {
        super("WeChat rejected the access_token with errcode " + errcode);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }
}

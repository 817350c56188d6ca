package dev.wxlogin.domain.error;

import dev.wxlogin.domain.token.AccessToken;

/**
 * A WeChat API refused the access_token it was called with (40001, 40014, 42001): the caller asks
 * {@link dev.wxlogin.domain.port.in.ForGettingAccessTokens#replaceRejected} for a live one and tries once more.
 * The message never holds the token.
 */
public final class AccessTokenRejected extends DomainException {
    private final AccessToken rejected;
    private final int errcode;

    public AccessTokenRejected(AccessToken rejected, int errcode) {
        super("WeChat rejected the access_token with errcode " + errcode);
        this.rejected = rejected;
        this.errcode = errcode;
    }

    public AccessToken rejected() {
        return rejected;
    }

    public int errcode() {
        return errcode;
    }
}

package dev.wxlogin.domain.error;

/**
 * A WeChat API refused the access_token it was called with (40001, 40014, 42001): the caller, who knows which
 * token it sent, asks {@link dev.wxlogin.domain.port.in.ForGettingAccessTokens#replaceRejected} for a live one and
 * tries once more.
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

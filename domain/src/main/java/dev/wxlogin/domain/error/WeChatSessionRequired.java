package dev.wxlogin.domain.error;

/**
 * The request needs a user of a mini program (a phone number, open data, a profile belong to one), and the caller's
 * session was started with a password, which vouches for the account only.
 */
public final class WeChatSessionRequired extends DomainException {
    public WeChatSessionRequired() {
        super("this needs a session started by a WeChat login");
    }
}

package dev.wxlogin.domain.error;

/** The WeChat identity offered for binding is a user, or a unionid, of another account already. */
public final class WeChatBoundElsewhere extends DomainException {
    public WeChatBoundElsewhere() {
        super("this WeChat identity belongs to another account");
    }
}

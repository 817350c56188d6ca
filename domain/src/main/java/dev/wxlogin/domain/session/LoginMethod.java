package dev.wxlogin.domain.session;

/** How a session was started: every session belongs to an account, a WeChat one also to that login's user and app. */
public enum LoginMethod {
    /** {@code wx.login}'s code, exchanged for the (AppID, openid) user: such a session has a user and an app. */
    WECHAT,
    /** A username and a password: the session has the account only, no WeChat user and no mini program. */
    PASSWORD
}

package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.Username;
import dev.wxlogin.domain.session.ClientInfo;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.User;

import java.util.Optional;

/**
 * A logged-in caller gives their account the other way in: a username and password to a WeChat user's account, WeChat
 * to a password account. Afterwards either reaches the same account.
 */
public interface ForBindingCredentials {
    /**
     * Gives the caller's account a username and password, or changes its password: then {@code current} is required,
     * and every other session of the account ends. Returns the account's username.
     *
     * @param username required when the account has none; otherwise, if given, it must be the account's
     * @throws dev.wxlogin.domain.error.CredentialsRejected {@code USERNAME_TAKEN}, {@code USERNAME_ALREADY_SET},
     *                                                      {@code WRONG_CURRENT_PASSWORD}, {@code COMMON_PASSWORD},
     *                                                      {@code TOO_MANY_FAILURES}
     * @throws dev.wxlogin.domain.error.InvalidInput        a required username or current password is missing
     */
    Username setPassword(SessionToken caller, Optional<Username> username, Password password, Optional<Password> current,
                         ClientInfo client);

    /**
     * Exchanges a {@code wx.login()} code of the mini program and makes its user part of the caller's account.
     *
     * @throws dev.wxlogin.domain.error.WeChatBoundElsewhere that user, or their unionid, is another account's
     * @throws dev.wxlogin.domain.error.LoginRejected        as a login would be refused (a bad or used code, an app not
     *                                                       served, a disabled user)
     * @throws dev.wxlogin.domain.error.UpstreamFailure      WeChat could not answer
     */
    User bindWeChat(SessionToken caller, AppId appId, LoginCode code);
}

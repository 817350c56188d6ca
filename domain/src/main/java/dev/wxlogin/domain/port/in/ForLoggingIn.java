package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.login.LoginCommand;
import dev.wxlogin.domain.login.LoginResult;

/** Exchange a {@code wx.login()} code for a session of our own. */
public interface ForLoggingIn {
    /**
     * @throws dev.wxlogin.domain.error.LoginRejected   the code is invalid or used, WeChat blocked the user, or the
     *                                                  account is disabled
     * @throws dev.wxlogin.domain.error.UpstreamFailure WeChat could not answer
     */
    LoginResult logIn(LoginCommand command);
}

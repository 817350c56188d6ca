package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.app.AppId;

/**
 * The sandbox's stand-in for {@code wx.login()}: a login code for a simulated WeChat user, so the whole
 * flow can be tried without a phone or an AppID. Present only when the sandbox runs.
 */
public interface ForGettingSandboxCodes {
    /** The same {@code simulatedUser} always maps to the same openid; each code works once, for 5 minutes. */
    LoginCode wxLogin(AppId appId, String simulatedUser);
}

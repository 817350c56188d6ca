package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.app.AppId;

/** The sandbox WeChat issues a code for a simulated user, as {@code wx.login()} would on a phone. */
public interface ForMintingSandboxCodes {
    /** @throws dev.wxlogin.domain.error.InvalidInput for an AppID the sandbox does not know */
    LoginCode mint(AppId appId, String simulatedUser);
}

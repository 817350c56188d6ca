package dev.wxlogin.application;

import dev.wxlogin.domain.Validate;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.port.in.ForGettingSandboxCodes;
import dev.wxlogin.domain.port.out.ForMintingSandboxCodes;

/** Asks the sandbox WeChat for a code, as {@code wx.login()} on a simulated phone would. */
public final class SandboxCodeService implements ForGettingSandboxCodes {
    private final ForMintingSandboxCodes sandbox;

    public SandboxCodeService(ForMintingSandboxCodes sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public LoginCode wxLogin(AppId appId, String simulatedUser) {
        return sandbox.mint(appId, Validate.visibleAscii(simulatedUser, 64, "user"));
    }
}

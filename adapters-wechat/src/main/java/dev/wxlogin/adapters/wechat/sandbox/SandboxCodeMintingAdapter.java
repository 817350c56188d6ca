package dev.wxlogin.adapters.wechat.sandbox;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.port.out.ForMintingSandboxCodes;

/** Mints login codes from the {@link WeChatSandbox}, the stand-in for {@code wx.login()} on a phone. */
public final class SandboxCodeMintingAdapter implements ForMintingSandboxCodes {
    private final WeChatSandbox sandbox;

    public SandboxCodeMintingAdapter(WeChatSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public LoginCode mint(AppId appId, String simulatedUser) {
        return sandbox.wxLogin(appId, simulatedUser);
    }
}

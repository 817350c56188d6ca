package dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.adapters.wechat;

import dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.domain.port.out.ForMintingSandboxCodes;

/** Compliant: what makes the WeChat adapter a driven one. */
public final class SandboxCodeMintingAdapter implements ForMintingSandboxCodes {
    @Override
    public String mint(String user) {
        return "code-for-" + user;
    }
}

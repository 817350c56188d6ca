package dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.adapters.wechat;

import dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.domain.port.in.ForLoggingIn;

/**
 * VIOLATION of drivenAdaptersDoNotCallUseCases: the WeChat adapter (a driven adapter: it implements
 * ForMintingSandboxCodes) starts a use case through a driving port; the sandbox should hand out codes, and let the client log in through the REST API.
 */
public final class SandboxLoginButton {
    private final ForLoggingIn login;

    public SandboxLoginButton(ForLoggingIn login) {
        this.login = login;
    }

    public String press() {
        return login.logIn("sandbox-code");
    }
}

package dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.domain.port.out;

/** Compliant: a driven port, implemented by the WeChat adapter (which makes that adapter a driven one). */
public interface ForMintingSandboxCodes {
    String mint(String user);
}

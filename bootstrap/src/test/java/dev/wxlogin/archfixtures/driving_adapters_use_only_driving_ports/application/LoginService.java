package dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.application;

import dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.domain.port.in.ForLoggingIn;

/** Compliant: the service of the driving port. */
public final class LoginService implements ForLoggingIn {
    @Override
    public String logIn(String code) {
        return "token-for-" + code.length();
    }
}

package dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.adapters.rest;

import dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.application.LoginService;

/**
 * VIOLATION of drivingAdaptersUseOnlyDrivingPorts: the REST adapter holds the service class instead of the
 * ForLoggingIn port it implements (the layer rule catches this one too).
 */
public final class LoginEndpoint {
    private final LoginService service;

    public LoginEndpoint(LoginService service) {
        this.service = service;
    }

    public String logIn(String code) {
        return service.logIn(code);
    }
}

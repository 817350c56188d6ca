package dev.wxlogin.archfixtures.driving_ports_are_implemented_by_services.adapters.rest;

import dev.wxlogin.archfixtures.driving_ports_are_implemented_by_services.domain.port.in.ForLoggingIn;

/**
 * VIOLATION of drivingPortsAreImplementedByServices: named …Service, but it lives in the REST adapter, where
 * the business rules of logging in would be mixed with HTTP.
 */
public final class LoginService implements ForLoggingIn {
    @Override
    public String logIn(String code) {
        return code;
    }
}

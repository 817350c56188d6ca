package dev.wxlogin.archfixtures.driving_ports_are_implemented_by_services.application;

import dev.wxlogin.archfixtures.driving_ports_are_implemented_by_services.domain.port.in.ForLoggingIn;

/** VIOLATION of drivingPortsAreImplementedByServices: in the right place, but not named …Service. */
public final class LoginUseCase implements ForLoggingIn {
    @Override
    public String logIn(String code) {
        return code;
    }
}

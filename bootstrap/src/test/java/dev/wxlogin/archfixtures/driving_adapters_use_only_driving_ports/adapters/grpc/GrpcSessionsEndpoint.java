package dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.adapters.grpc;

import dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.domain.port.in.ForLoggingIn;
import dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.domain.port.out.ForStoringSessions;

/**
 * VIOLATION of drivingAdaptersUseOnlyDrivingPorts, in an adapter no rule names: a new gRPC API logs in through the
 * driving port, as it should, but ends sessions straight in storage (port.out) instead of through a use case.
 */
public final class GrpcSessionsEndpoint {
    private final ForLoggingIn login;
    private final ForStoringSessions sessions;

    public GrpcSessionsEndpoint(ForLoggingIn login, ForStoringSessions sessions) {
        this.login = login;
        this.sessions = sessions;
    }

    public String logIn(String code) {
        return login.logIn(code);
    }

    public void logOut(String token) {
        sessions.delete(token);
    }
}

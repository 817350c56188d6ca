package dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.adapters.rest;

import dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.domain.port.out.ForStoringSessions;

/**
 * VIOLATION of drivingAdaptersUseOnlyDrivingPorts: the REST adapter (a driving adapter: it implements no
 * port.out port) deletes a session through a driven port (port.out) instead of asking a use case (a port.in
 * interface such as ForLoggingOut).
 */
public final class LogoutEndpoint {
    private final ForStoringSessions sessions;

    public LogoutEndpoint(ForStoringSessions sessions) {
        this.sessions = sessions;
    }

    public void logOut(String token) {
        sessions.delete(token);
    }
}

package dev.wxlogin.archfixtures.driving_ports_are_implemented_by_services.domain.port.in;

/** Compliant: a driving port. */
public interface ForLoggingIn {
    String logIn(String code);
}

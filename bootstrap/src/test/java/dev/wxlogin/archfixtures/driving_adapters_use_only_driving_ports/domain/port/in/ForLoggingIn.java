package dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.domain.port.in;

/** Compliant: a driving port, what the REST adapter should call. */
public interface ForLoggingIn {
    String logIn(String code);
}

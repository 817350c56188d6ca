package dev.wxlogin.archfixtures.driven_adapters_do_not_call_use_cases.domain.port.in;

/** Compliant: a driving port. */
public interface ForLoggingOut {
    void logOut(String token);
}

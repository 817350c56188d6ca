package dev.wxlogin.archfixtures.rest_adapter_uses_only_driving_ports.domain.port.out;

/** Compliant: a driven port. */
public interface ForStoringSessions {
    void delete(String token);
}

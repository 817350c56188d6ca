package dev.wxlogin.archfixtures.driving_adapters_use_only_driving_ports.domain.port.out;

/** Compliant: a driven port. */
public interface ForStoringSessions {
    void delete(String token);
}

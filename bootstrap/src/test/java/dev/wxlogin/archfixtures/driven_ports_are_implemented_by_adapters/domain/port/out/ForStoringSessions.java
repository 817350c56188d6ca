package dev.wxlogin.archfixtures.driven_ports_are_implemented_by_adapters.domain.port.out;

/** Compliant: a driven port. */
public interface ForStoringSessions {
    void delete(String token);
}

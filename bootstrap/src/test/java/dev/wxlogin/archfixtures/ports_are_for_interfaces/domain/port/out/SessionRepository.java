package dev.wxlogin.archfixtures.ports_are_for_interfaces.domain.port.out;

/**
 * VIOLATION of portsAreForInterfaces: a port named after a technology pattern ("Repository") instead of the
 * conversation it carries (ForStoringSessions).
 */
public interface SessionRepository {
    void delete(String token);
}

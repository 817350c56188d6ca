package dev.wxlogin.archfixtures.ports_are_for_interfaces.domain.session;

/**
 * VIOLATION of portsAreForInterfaces: a port (a For… interface) outside port.in and port.out, where the port
 * rules (who may implement it, who may call it) would never look.
 */
public interface ForExpiringSessions {
    int expire();
}

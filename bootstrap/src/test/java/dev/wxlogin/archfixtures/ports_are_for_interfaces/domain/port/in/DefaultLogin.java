package dev.wxlogin.archfixtures.ports_are_for_interfaces.domain.port.in;

/**
 * VIOLATION of portsAreForInterfaces: an implementation (a class, not a port or a message) in a port package;
 * services live in the application layer.
 */
public final class DefaultLogin {
    public String logIn(String code) {
        return code;
    }
}

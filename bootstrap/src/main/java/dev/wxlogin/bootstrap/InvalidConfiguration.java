package dev.wxlogin.bootstrap;

/** The server cannot start with this configuration; the message says what to change (never a secret value). */
public final class InvalidConfiguration extends RuntimeException {
    public InvalidConfiguration(String message) {
        super(message);
    }
}

package dev.wxlogin.domain;

/**
 * Formats secrets for {@code toString()}: a secret value type never prints its value, so a secret that
 * reaches a log line or an exception message by accident shows only its type.
 */
public final class Secret {
    private Secret() {}

    public static String redacted(Class<?> type) {
        return type.getSimpleName() + "[redacted]";
    }
}

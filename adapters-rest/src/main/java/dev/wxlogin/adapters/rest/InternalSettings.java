package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;

import java.util.List;
import java.util.Objects;

/**
 * Where and for whom {@link InternalApi} listens. Its size limits, timeouts and trusted proxies are the public
 * listener's ({@link RestSettings}).
 *
 * @param host    the interface to bind; loopback or a private network, never a public one
 * @param port    the TCP port; 0 picks a free one (see {@link InternalApi#port()})
 * @param apiKeys the keys a caller may present as {@code Authorization: Bearer <key>}, each of at least
 *                {@link #MIN_KEY_LENGTH} characters; several at once, so that a key can be rotated without downtime
 * @param apps    the mini programs this server serves; the first is the one a request means when it names none,
 *                which it may only while there is exactly one
 */
public record InternalSettings(String host, int port, List<String> apiKeys, List<AppId> apps) {
    /** 32 characters of a random key (such as {@code openssl rand -hex 32}) hold far more than 128 bits. */
    public static final int MIN_KEY_LENGTH = 32;

    public InternalSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        apiKeys = List.copyOf(apiKeys);
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        // Never echoes a key, not even its length: the message may reach a log.
        if (apiKeys.stream().anyMatch(key -> key.length() < MIN_KEY_LENGTH)) {
            throw new IllegalArgumentException("every key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        apps = List.copyOf(apps);
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("at least one mini program is needed");
        }
    }

    /** Loopback and a free port: a test's internal listener. */
    public static InternalSettings local(List<String> apiKeys, List<AppId> apps) {
        return new InternalSettings("127.0.0.1", 0, apiKeys, apps);
    }

    @Override
    public String toString() {
        return "InternalSettings[host=" + host + ", port=" + port + ", apiKeys=(" + apiKeys.size() + " redacted), apps="
                + apps + "]";
    }
}

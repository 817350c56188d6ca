package dev.wxlogin.domain.password;

import dev.wxlogin.domain.Hashing;

import java.util.Objects;

/**
 * Whose failed password logins are counted: an account name or a client address. Stored by {@link #key()}, a SHA-256
 * of kind and value, so the failure table holds neither names nor addresses and every key has the same length.
 */
public record FailureSubject(Kind kind, String key) {
    public enum Kind { USERNAME, CLIENT }

    public FailureSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    public static FailureSubject of(Username username) {
        return new FailureSubject(Kind.USERNAME, Hashing.sha256Hex("username:" + username.value()));
    }

    public static FailureSubject ofClient(String clientIp) {
        return new FailureSubject(Kind.CLIENT, Hashing.sha256Hex("client:" + clientIp));
    }
}

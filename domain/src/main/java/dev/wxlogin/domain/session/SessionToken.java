package dev.wxlogin.domain.session;

import dev.wxlogin.domain.Hashing;
import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.error.AuthenticationFailed;

/**
 * The bearer token we give the client instead of anything WeChat gave us: 32 bytes (256 bits) from
 * {@code SecureRandom}, base64url without padding (43 characters). It carries no meaning; only its
 * SHA-256 is stored, so a leaked session table cannot be replayed.
 */
public final class SessionToken {
    public static final int BYTES = 32;
    public static final int LENGTH = 43;
    /** The most a client may present (an HTTP header's worth), so hashing it is bounded work. */
    static final int MAX_PRESENTED_LENGTH = 8192;

    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    public static SessionToken generate() {
        return new SessionToken(Randomness.base64url(BYTES));
    }

    /**
     * What a client presented as a token. Nothing is checked but presence and size: a malformed token is
     * hashed and looked up like any other and simply finds no session, so it fails exactly like an
     * unknown token, in status, body and timing.
     */
    public static SessionToken parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_PRESENTED_LENGTH) {
            throw AuthenticationFailed.unauthenticated();
        }
        return new SessionToken(text);
    }

    /** The raw token, for the login response only. */
    public String reveal() {
        return value;
    }

    public TokenHash hash() {
        return new TokenHash(Hashing.sha256Hex(value));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return Secret.redacted(SessionToken.class);
    }
}

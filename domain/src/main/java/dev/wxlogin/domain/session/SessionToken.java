package dev.wxlogin.domain.session;

import dev.wxlogin.domain.Hashing;
import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AuthenticationFailed;

import java.util.Optional;

/**
 * The bearer token we give the client instead of anything WeChat gave us: 32 bytes (256 bits) from
 * {@code SecureRandom}, base64url without padding (43 characters). It carries no meaning; only its
 * SHA-256 is stored, so a leaked session table cannot be replayed.
 * <p>
 * A token presented by a request that names its mini program ({@link #presentedFor(AppId)}) authenticates only a
 * session of that mini program: a token leaked from one app is refused in another. Which app a request names is
 * part of the request, not of the token, so equality ignores it.
 */
public final class SessionToken {
    public static final int BYTES = 32;
    public static final int LENGTH = 43;

    private final String value;
    private final Optional<AppId> presentedFor;

    private SessionToken(String value, Optional<AppId> presentedFor) {
        this.value = value;
        this.presentedFor = presentedFor;
    }

    public static SessionToken generate() {
        return new SessionToken(Randomness.base64url(BYTES), Optional.empty());
    }

    /**
     * What a client presented as a token. Anything but {@value #LENGTH} base64url characters was never issued,
     * so it fails here with the same {@link AuthenticationFailed#unauthenticated()} as an unknown token, before
     * any lookup: the format is public, so refusing it early tells a prober nothing, and it spares the database.
     */
    public static SessionToken parse(String text) {
        if (text == null || text.length() != LENGTH || !Characters.all(text, SessionToken::isBase64url)) {
            throw AuthenticationFailed.unauthenticated();
        }
        return new SessionToken(text, Optional.empty());
    }

    /** This token as presented by a request of the mini program {@code app}. */
    public SessionToken presentedFor(AppId app) {
        return new SessionToken(value, Optional.of(app));
    }

    /** The mini program the presenting request named, if it named one. */
    public Optional<AppId> presentedFor() {
        return presentedFor;
    }

    private static boolean isBase64url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
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

package dev.wxlogin.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** Random identifiers and tokens from one CSPRNG, base64url without padding. */
public final class Randomness {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Randomness() {}

    public static String base64url(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return BASE64URL.encodeToString(buffer);
    }
}

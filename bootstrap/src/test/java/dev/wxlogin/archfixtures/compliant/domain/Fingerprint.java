package dev.wxlogin.archfixtures.compliant.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Uses every allow-listed JDK package outside java.lang and java.util that the real domain uses. */
public final class Fingerprint {
    private Fingerprint() {
    }

    public static String of(Greeting greeting) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(greeting.text().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.wxlogin.domain.opendata;

import dev.wxlogin.domain.login.SessionKey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * WeChat's signature of {@code rawData}: lowercase hex of {@code sha1(rawData + session_key)}, where rawData is
 * the exact text the client sent (never re-serialised) and the session_key is its base64 text.
 */
public final class RawDataSignature {
    private RawDataSignature() {}

    public static String of(String rawData, SessionKey key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((rawData + key.value()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    /** Compared in constant time, so that the time to refuse tells nothing about how much of a guess was right. */
    public static boolean matches(EncryptedOpenData.SignedRawData signed, SessionKey key) {
        return MessageDigest.isEqual(of(signed.rawData(), key).getBytes(StandardCharsets.UTF_8),
                signed.signature().getBytes(StandardCharsets.UTF_8));
    }
}

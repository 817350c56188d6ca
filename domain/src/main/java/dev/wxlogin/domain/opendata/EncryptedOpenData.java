package dev.wxlogin.domain.opendata;

import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.OpenDataRejected;

import java.util.Base64;
import java.util.Optional;

/**
 * Open data as a mini program hands it over ({@code wx.getUserProfile}, the legacy {@code getPhoneNumber},
 * {@code wx.getWeRunData}, share info): AES-128-CBC ciphertext and its iv, both standard base64, and for user info
 * the {@code rawData} text with its {@code signature}. Checked for shape on construction; whether the user's
 * session_key opens it is the use case's business.
 */
public final class EncryptedOpenData {
    /** Far above any payload WeChat hands out (31 days of steps are about 2 KB); the whole request body is as large. */
    public static final int MAX_ENCRYPTED_CHARS = 16 * 1024;
    public static final int MAX_RAW_DATA_CHARS = 8 * 1024;
    static final int BLOCK_BYTES = 16;
    private static final int MAX_SIGNATURE_CHARS = 64;

    private final byte[] iv;
    private final byte[] ciphertext;
    private final Optional<SignedRawData> signed;

    /** {@code rawData} and {@code signature} come together or not at all. */
    public record SignedRawData(String rawData, String signature) {
    }

    /**
     * @throws OpenDataRejected {@code INVALID_OPEN_DATA} for text that is not standard base64, an iv that does not
     *                          decode to 16 bytes, or ciphertext that is no whole number of AES blocks
     * @throws InvalidInput     for a member missing, too long, or rawData without its signature (or the reverse)
     */
    public EncryptedOpenData(String encryptedData, String iv, Optional<String> rawData, Optional<String> signature) {
        requireLength("encryptedData", encryptedData, MAX_ENCRYPTED_CHARS);
        requireLength("iv", iv, MAX_ENCRYPTED_CHARS);
        if (rawData.isPresent() != signature.isPresent()) {
            throw new InvalidInput("rawData and signature must be sent together");
        }
        rawData.ifPresent(text -> requireLength("rawData", text, MAX_RAW_DATA_CHARS));
        signature.ifPresent(text -> requireLength("signature", text, MAX_SIGNATURE_CHARS));
        this.iv = decode(iv);
        this.ciphertext = decode(encryptedData);
        if (this.iv.length != BLOCK_BYTES || this.ciphertext.length % BLOCK_BYTES != 0) { // non-empty text is never 0 bytes
            throw invalid();
        }
        this.signed = rawData.map(text -> new SignedRawData(text, signature.orElseThrow()));
    }

    public byte[] iv() {
        return iv.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    public Optional<SignedRawData> signed() {
        return signed;
    }

    private static void requireLength(String member, String text, int max) {
        if (text == null || text.isEmpty() || text.length() > max) {
            throw new InvalidInput(member + " must be 1 to " + max + " characters");
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
    }

    private static OpenDataRejected invalid() {
        return new OpenDataRejected(OpenDataRejected.Reason.INVALID_OPEN_DATA);
    }

    @Override
    public String toString() {
        return "EncryptedOpenData[" + ciphertext.length + " bytes" + (signed.isPresent() ? ", signed" : "") + "]";
    }
}

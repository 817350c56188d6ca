package dev.wxlogin.adapters.persistence;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps WeChat's {@code session_key} encrypted at rest: AES-256-GCM with a random 12-byte IV and a
 * 128-bit tag, stored as base64(IV ‖ ciphertext ‖ tag) beside the id of the data key that sealed it.
 * The owner's user id is the associated data, so a ciphertext copied onto another user's row does not
 * open. A key's id is the first 8 hex digits of its SHA-256: nothing to manage, and the id reveals
 * nothing about the key. A user's phone number and AppIDs' access_tokens are sealed the same way, with what they
 * are and whose they are as the associated data.
 * <p>
 * Rotation: configure the new key as current and the old one as retired. Rows sealed under a retired
 * key stay readable and are sealed again under the current key at the user's next login; a key can be
 * dropped once no row names it. Keys and plaintexts are never logged.
 */
public final class SessionKeyCipher {
    static final int KEY_BYTES = 32;
    private static final Logger LOG = LoggerFactory.getLogger(SessionKeyCipher.class);
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Before an AppID in the associated data, so that no access_token ciphertext opens as a session_key. */
    private static final String ACCESS_TOKEN_OF = "access_token:";

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keysById = new LinkedHashMap<>();

    /**
     * @param currentKey  32 bytes; seals every {@code session_key} from now on
     * @param retiredKeys 32 bytes each; only open what they sealed before
     */
    public SessionKeyCipher(byte[] currentKey, List<byte[]> retiredKeys) {
        Objects.requireNonNull(retiredKeys, "retiredKeys");
        currentKeyId = add(currentKey);
        retiredKeys.forEach(this::add);
    }

    /** The stored form: what {@code session_key_ciphertext} and {@code session_key_key_id} hold. */
    record Sealed(String ciphertext, String keyId) {
        Sealed {
            Objects.requireNonNull(ciphertext, "ciphertext");
            Objects.requireNonNull(keyId, "keyId");
        }
    }

    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    Sealed seal(UserId owner, SessionKey sessionKey) {
        return seal(owner.value(), sessionKey.value());
    }

    /**
     * The {@code session_key}, or empty when it cannot be trusted: its data key is not configured, or
     * the ciphertext was altered or belongs to another user. The caller then asks the user to log in
     * again, which stores a fresh one; nothing here should turn into a server error.
     */
    Optional<SessionKey> open(UserId owner, Sealed sealed) {
        return open(owner.value(), sealed, "session_key of user " + owner).map(SessionKey::new);
    }

    /**
     * Other personal data of the user's (their phone number), sealed the same way. {@code purpose} joins the owner
     * in the associated data: a ciphertext moved from one column into another, even on the owner's own row,
     * does not open, so a phone column cannot be made to reveal the session_key.
     */
    Sealed seal(UserId owner, String purpose, String plaintext) {
        return seal(owner.value() + "/" + purpose, plaintext);
    }

    /** What {@link #seal(UserId, String, String)} sealed, or empty when it cannot be trusted (see {@link #open}). */
    Optional<String> open(UserId owner, String purpose, Sealed sealed) {
        return open(owner.value() + "/" + purpose, sealed, purpose + " of user " + owner);
    }

    Sealed seal(AppId app, AccessToken token) {
        return seal(ACCESS_TOKEN_OF + app.value(), token.value());
    }

    /** The AppID's access_token, or empty when it cannot be trusted; the caller then fetches a new one. */
    Optional<AccessToken> open(AppId app, Sealed sealed) {
        return open(ACCESS_TOKEN_OF + app.value(), sealed, "access_token of AppID " + app).map(AccessToken::new);
    }

    private Sealed seal(String associatedData, String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keysById.get(currentKeyId), iv, associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return new Sealed(Base64.getEncoder().encodeToString(stored), currentKeyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** @param what what was sealed, for the log: never the value */
    private Optional<String> open(String associatedData, Sealed sealed, String what) {
        SecretKeySpec key = keysById.get(sealed.keyId());
        if (key == null) {
            LOG.warn("The {} was sealed under data key {}, which is not configured", what, sealed.keyId());
            return Optional.empty();
        }
        try {
            byte[] stored = Base64.getDecoder().decode(sealed.ciphertext());
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, stored, associatedData);
            byte[] plain = cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("The stored {} fails authentication under data key {}", what, sealed.keyId());
            return Optional.empty();
        }
    }

    /** The IV is the first {@value #IV_BYTES} bytes of {@code ivSource}. */
    private static Cipher cipher(int mode, SecretKeySpec key, byte[] ivSource, String associatedData)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, ivSource, 0, IV_BYTES));
        cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private String add(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a data key must be " + KEY_BYTES + " bytes");
        }
        String id = keyId(key);
        keysById.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    @Override
    public String toString() {
        return "SessionKeyCipher[current key " + currentKeyId + ", " + keysById.size() + " keys]";
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.SessionKeyCipher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * The key that encrypts {@code session_key}s at rest. Given by WXLOGIN_DATA_KEY; in sandbox mode made
 * once into {@code <data dir>/data-key}, readable by the owner only. (Talking to the real WeChat without
 * a key is refused by {@link Settings}: a generated key would sit next to the data it protects.)
 */
final class DataKeys {
    static final String KEY_FILE = "data-key";
    private static final int KEY_BYTES = 32;

    private DataKeys() {}

    static SessionKeyCipher cipher(Settings settings) {
        byte[] current = settings.dataKey()
                .map(text -> decode(text, "WXLOGIN_DATA_KEY"))
                .orElseGet(() -> sandboxKey(settings));
        List<byte[]> retired = settings.retiredDataKeys().stream()
                .map(text -> decode(text, "WXLOGIN_DATA_KEYS_RETIRED"))
                .toList();
        return new SessionKeyCipher(current, retired);
    }

    private static byte[] sandboxKey(Settings settings) {
        Path file = settings.dataDir().resolve(KEY_FILE);
        try {
            Files.createDirectories(settings.dataDir());
            if (!Files.exists(file)) {
                writeNewKey(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new InvalidConfiguration("cannot read or create the sandbox data key " + file + ": " + e.getMessage());
        }
    }

    /**
     * Written to a temporary file created with owner-only permissions (never readable by others, even
     * briefly), then linked into place in one step, so a crash can never leave an empty key behind.
     */
    private static void writeNewKey(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary;
        try {
            temporary = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            temporary = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
        }
        Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.createLink(file, temporary); // atomic, and unlike a move it never replaces an existing key
        } catch (FileAlreadyExistsException raced) {
            // another instance on the same data directory made it first: use theirs
        } finally {
            Files.delete(temporary);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException("wrong length");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration(source + " must be the base64 of exactly 32 bytes (openssl rand -base64 32)");
        }
    }
}

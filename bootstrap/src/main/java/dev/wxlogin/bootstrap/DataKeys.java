package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.SessionKeyCipher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The key that encrypts {@code session_key}s at rest. Given by WXLOGIN_DATA_KEY; in sandbox mode made
 * once into {@code <data dir>/data-key}, readable by the owner only. (Talking to the real WeChat without
 * a key is refused by {@link Settings}: a generated key would sit next to the data it protects.)
 */
final class DataKeys {
    static final String KEY_FILE = "data-key";
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");

    private DataKeys() {}

    static SessionKeyCipher cipher(DataKeySettings keys, Path dataDir) {
        return new SessionKeyCipher(keys.current().orElseGet(() -> sandboxKey(dataDir)), keys.retired());
    }

    private static byte[] sandboxKey(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        DataDirectory.prepare(dataDir);
        try {
            if (!Files.exists(file)) {
                writeNewKey(file);
            }
            requireOwnerOnly(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
        } catch (IOException e) {
            throw new InvalidConfiguration("cannot read or create the sandbox data key " + file + ": " + e.getMessage());
        }
    }

    /** A key that group or others could have read is no longer a secret: using it would hide that. */
    private static void requireOwnerOnly(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!DataDirectory.OWNER_ONLY.containsAll(permissions)) {
            throw new InvalidConfiguration("the sandbox data key " + file + " is accessible to other users ("
                    + PosixFilePermissions.toString(permissions) + "): run `chmod 600 " + file + "` and start again");
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
                    PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
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

    /** {@code source} names where the key came from (a variable or the key file): never the key itself. */
    static byte[] decode(String base64, String source) {
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

package dev.wxlogin.adapters.passwords;

import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.port.out.ForHashingPasswords;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * Argon2id (RFC 9106) with BouncyCastle's pure-Java implementation: a 16-byte random salt, a 32-byte hash, both in a
 * PHC string with the parameters that made them. A hash is verified with its own parameters, so raising them never
 * locks anyone out; {@link #needsRehash} tells the caller to store a new hash at the next successful login.
 * <p>
 * Each hash holds its memory cost (32 MiB by default) while it runs, so at most one hash per processor runs at a
 * time and the others wait their turn: a flood of logins costs time, never the heap.
 */
public final class Argon2idPasswordHashingAdapter implements ForHashingPasswords {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final Argon2Cost current;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore running = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    public Argon2idPasswordHashingAdapter(Argon2Cost current) {
        this.current = Objects.requireNonNull(current, "current");
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PasswordHash(new PhcString(current, salt, derive(password, current, salt, HASH_BYTES)).format());
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        PhcString stored = PhcString.parse(hash.value())
                .orElseThrow(() -> new IllegalArgumentException("the stored password hash is not an Argon2id PHC string"));
        byte[] candidate = derive(password, stored.cost(), stored.salt(), stored.hash().length);
        return MessageDigest.isEqual(candidate, stored.hash());
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return PhcString.parse(hash.value())
                .map(stored -> !stored.cost().equals(current)
                        || stored.salt().length != SALT_BYTES || stored.hash().length != HASH_BYTES)
                .orElse(true);
    }

    private byte[] derive(Password password, Argon2Cost cost, byte[] salt, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build());
        byte[] secret = password.utf8();
        byte[] out = new byte[length];
        running.acquireUninterruptibly();
        try {
            generator.generateBytes(secret, out);
            return out;
        } finally {
            running.release();
            Arrays.fill(secret, (byte) 0);
        }
    }
}

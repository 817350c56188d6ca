package dev.wxlogin.application;

import dev.wxlogin.domain.Hashing;
import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;
import dev.wxlogin.domain.port.out.ForHashingPasswords;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A cheap stand-in for Argon2id that keeps the shape that matters: the cost ({@code version}) is in the hash, and
 * every hash and verification is counted, and each verified hash remembered, to prove the same work is done for an
 * unknown name.
 */
final class CountingPasswordHasher implements ForHashingPasswords {
    int version = 1;
    int hashes;
    final List<PasswordHash> verified = new ArrayList<>();

    @Override
    public synchronized PasswordHash hash(Password password) {
        hashes++;
        return new PasswordHash("$fake$v=" + version + "$" + digest(password));
    }

    @Override
    public synchronized boolean verify(Password password, PasswordHash hash) {
        verified.add(hash);
        return hash.value().endsWith("$" + digest(password));
    }

    @Override
    public synchronized boolean needsRehash(PasswordHash hash) {
        return !hash.value().startsWith("$fake$v=" + version + "$");
    }

    private static String digest(Password password) {
        return Hashing.sha256Hex(new String(password.utf8(), StandardCharsets.UTF_8));
    }
}

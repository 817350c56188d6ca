package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.passwords.Argon2Cost;
import dev.wxlogin.domain.password.FailureLimits;

import java.time.Duration;

/**
 * Password logins: how failed ones are limited and what a hash costs (see docs/operations.md, "Password logins"). 0
 * turns a limit off.
 *
 * @param failureLimits WXLOGIN_PASSWORD_FAILURES_PER_USERNAME, WXLOGIN_PASSWORD_FAILURES_PER_CLIENT,
 *                      WXLOGIN_PASSWORD_LOCK (the first lock, doubled by each further failure), WXLOGIN_PASSWORD_LOCK_MAX
 * @param hashCost      WXLOGIN_PASSWORD_HASH_MEMORY_KIB, WXLOGIN_PASSWORD_HASH_ITERATIONS: Argon2id's cost for new hashes;
 *                      a login with a hash of another cost rehashes the password
 */
public record PasswordSettings(FailureLimits failureLimits, Argon2Cost hashCost) {
    static PasswordSettings from(ConfigurationSource config) {
        int perUsername = config.integer("WXLOGIN_PASSWORD_FAILURES_PER_USERNAME", 5, 0, 1_000_000);
        int perClient = config.integer("WXLOGIN_PASSWORD_FAILURES_PER_CLIENT", 20, 0, 1_000_000);
        Duration firstLock = config.duration("WXLOGIN_PASSWORD_LOCK", Duration.ofMinutes(1));
        Duration maxLock = config.duration("WXLOGIN_PASSWORD_LOCK_MAX", Duration.ofMinutes(15));
        if (!firstLock.isPositive() || maxLock.compareTo(firstLock) < 0) {
            throw new InvalidConfiguration(
                    "WXLOGIN_PASSWORD_LOCK must be positive and WXLOGIN_PASSWORD_LOCK_MAX at least as long");
        }
        Argon2Cost hashCost = new Argon2Cost(
                config.integer("WXLOGIN_PASSWORD_HASH_MEMORY_KIB", Argon2Cost.DEFAULT.memoryKib(), 1024, 4 * 1024 * 1024),
                config.integer("WXLOGIN_PASSWORD_HASH_ITERATIONS", Argon2Cost.DEFAULT.iterations(), 1, 100),
                Argon2Cost.DEFAULT.parallelism());
        return new PasswordSettings(new FailureLimits(perUsername, perClient, firstLock, maxLock), hashCost);
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.password.FailureLimits;

import java.time.Duration;

/**
 * Password logins: how failed ones are limited (see docs/operations.md, "Password logins"). 0 turns a limit off.
 *
 * @param failureLimits WXLOGIN_PASSWORD_FAILURES_PER_USERNAME, WXLOGIN_PASSWORD_FAILURES_PER_CLIENT,
 *                      WXLOGIN_PASSWORD_LOCK (the first lock, doubled by each further failure), WXLOGIN_PASSWORD_LOCK_MAX
 */
public record PasswordSettings(FailureLimits failureLimits) {
    static PasswordSettings from(ConfigurationSource config) {
        int perUsername = config.integer("WXLOGIN_PASSWORD_FAILURES_PER_USERNAME", 5, 0, 1_000_000);
        int perClient = config.integer("WXLOGIN_PASSWORD_FAILURES_PER_CLIENT", 20, 0, 1_000_000);
        Duration firstLock = config.duration("WXLOGIN_PASSWORD_LOCK", Duration.ofMinutes(1));
        Duration maxLock = config.duration("WXLOGIN_PASSWORD_LOCK_MAX", Duration.ofMinutes(15));
        if (!firstLock.isPositive() || maxLock.compareTo(firstLock) < 0) {
            throw new InvalidConfiguration(
                    "WXLOGIN_PASSWORD_LOCK must be positive and WXLOGIN_PASSWORD_LOCK_MAX at least as long");
        }
        return new PasswordSettings(new FailureLimits(perUsername, perClient, firstLock, maxLock));
    }
}

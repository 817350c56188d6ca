package dev.wxlogin.adapters.wechat.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Each user's current session_key, rotated on an exchange only once the rotation period has passed. */
final class SessionKeys {
    private record Current(String key, Instant rotatedAt) {}

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, Current> byOpenId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration rotationPeriod;

    SessionKeys(Clock clock, Duration rotationPeriod) {
        this.clock = clock;
        this.rotationPeriod = rotationPeriod;
    }

    /** The key to hand out for an exchange now: the current one, or a new one if it is due. */
    String onExchange(String openId) {
        Instant now = clock.instant();
        return byOpenId.compute(openId, (id, current) ->
                current == null || !now.isBefore(current.rotatedAt().plus(rotationPeriod))
                        ? new Current(newKey(), now)
                        : current).key();
    }

    /** The user's current key, which their open data is encrypted with; empty before their first exchange. */
    Optional<String> current(String openId) {
        return Optional.ofNullable(byOpenId.get(openId)).map(Current::key);
    }

    /**
     * Replaces the user's key with a new one, if {@code expected} is still current; the new key keeps the old one's
     * time, so a reset does not put off its rotation (WeChat: "the new key inherits the old key's expiry").
     */
    Optional<String> reset(String openId, String expected) {
        Current replaced = byOpenId.computeIfPresent(openId, (id, current) ->
                current.key().equals(expected) ? new Current(newKey(), current.rotatedAt()) : current);
        return replaced == null || replaced.key().equals(expected) ? Optional.empty() : Optional.of(replaced.key());
    }

    /** Base64 of 16 random bytes: 24 characters, like WeChat's. */
    private String newKey() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}

package dev.wxlogin.domain.password;

import java.time.Instant;
import java.util.Objects;

/** The failed password logins counted for one subject since its counter was last reset or forgotten. */
public record Failures(int count, Instant lastFailedAt) {
    public Failures {
        Objects.requireNonNull(lastFailedAt, "lastFailedAt");
        if (count < 1) {
            throw new IllegalArgumentException("a failure record counts at least one failure");
        }
    }
}

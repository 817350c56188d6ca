package dev.wxlogin.domain.opendata;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.OpenDataRejected;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What decrypted open data must show before the server acts on it: a watermark for the caller's own mini program
 * (data made for another app, decrypted with a key the two happen to share, is refused), made no longer ago than
 * {@code maxAge}. A watermark from the future is accepted: phones' clocks drift, and only age makes data stale.
 */
public record OpenDataPolicy(Duration maxAge) {
    /** Data is handed over moments after the phone fetched it; ten minutes leave room for slow networks and drift. */
    public static final OpenDataPolicy DEFAULT = new OpenDataPolicy(Duration.ofMinutes(10));

    public OpenDataPolicy {
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the open data's maximum age must be positive");
        }
    }

    /** @throws OpenDataRejected {@code WATERMARK_MISMATCH} or {@code OPEN_DATA_EXPIRED} */
    public OpenData accept(Map<String, Object> plaintext, AppId app, Instant now) {
        Watermark watermark = Watermark.of(plaintext)
                .filter(mark -> mark.appId().equals(app.value()))
                .orElseThrow(() -> new OpenDataRejected(OpenDataRejected.Reason.WATERMARK_MISMATCH));
        if (watermark.timestamp().isBefore(now.minus(maxAge))) {
            throw new OpenDataRejected(OpenDataRejected.Reason.OPEN_DATA_EXPIRED);
        }
        return OpenData.of(plaintext);
    }
}

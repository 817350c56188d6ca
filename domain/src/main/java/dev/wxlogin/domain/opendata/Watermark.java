package dev.wxlogin.domain.opendata;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** What WeChat stamps into every piece of open data: the mini program it is for, and when it was made. */
public record Watermark(String appId, Instant timestamp) {
    static final String MEMBER = "watermark";

    /** Empty unless the plaintext has a watermark object with a string {@code appid} and a numeric {@code timestamp}. */
    static Optional<Watermark> of(Map<String, Object> plaintext) {
        return plaintext.get(MEMBER) instanceof Map<?, ?> watermark
                && watermark.get("appid") instanceof String appId
                && watermark.get("timestamp") instanceof Number seconds
                ? Optional.of(new Watermark(appId, Instant.ofEpochSecond(seconds.longValue())))
                : Optional.empty();
    }
}

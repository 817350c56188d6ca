package dev.wxlogin.bootstrap;

import java.time.Duration;

/** How often expired sessions and code claims are deleted, and how many rows one batch deletes. */
public record CleanupSettings(Duration interval, int batchSize) {
    static CleanupSettings from(ConfigurationSource config) {
        return new CleanupSettings(
                config.duration("WXLOGIN_CLEANUP_INTERVAL", Duration.ofMinutes(1)),
                config.integer("WXLOGIN_CLEANUP_BATCH", 500, 1, 100_000));
    }
}

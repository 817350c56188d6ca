package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.port.in.ForRefreshingAccessTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the proactive access_token refresh whenever the service says the next one is due (at least every 30 s).
 * Every instance runs it; the jitter is the service's (each instance refreshes at a point of the window of its own).
 */
final class AccessTokenRefreshJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccessTokenRefreshJob.class);
    /** After a run that failed outright (the database down, say). */
    static final Duration AFTER_FAILURE = Duration.ofSeconds(5);

    private final ForRefreshingAccessTokens refreshing;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("wxlogin-access-token-refresh").daemon().factory());

    AccessTokenRefreshJob(ForRefreshingAccessTokens refreshing, Clock clock) {
        this.refreshing = refreshing;
        this.clock = clock;
    }

    void start() {
        schedule(Duration.ZERO);
    }

    private void runAndReschedule() {
        Duration wait;
        try {
            Instant next = refreshing.refreshDue();
            wait = Duration.between(clock.instant(), next);
        } catch (RuntimeException e) {
            LOG.warn("The access_token refresh run failed, trying again in {} s: {}", AFTER_FAILURE.toSeconds(),
                    e.getClass().getSimpleName());
            wait = AFTER_FAILURE;
        }
        schedule(wait);
    }

    private void schedule(Duration wait) {
        try {
            scheduler.schedule(this::runAndReschedule, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            // close() was called: no more runs
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

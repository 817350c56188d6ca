package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.port.in.ForCleaningUpSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired sessions and code claims in bounded batches. Each run starts at a random point of the
 * interval (±20 %), so instances sharing a database do not all clean at the same second; the batches
 * themselves are safe to run concurrently.
 */
final class SessionCleanupJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionCleanupJob.class);
    /** Enough to clear a large backlog over a few runs without one run holding the database for long. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private final ForCleaningUpSessions cleanup;
    private final Duration interval;
    private final int batchSize;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("wxlogin-cleanup").daemon().factory());

    SessionCleanupJob(ForCleaningUpSessions cleanup, Duration interval, int batchSize) {
        this.cleanup = cleanup;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    void start() {
        scheduleNext();
    }

    /** One run: batches until one comes back short. Returns how many rows went. */
    int runOnce() {
        int removed = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = cleanup.removeExpiredBatch();
            removed += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return removed;
    }

    private void scheduleNext() {
        long millis = interval.toMillis();
        long jittered = millis + ThreadLocalRandom.current().nextLong(-millis / 5, millis / 5 + 1);
        try {
            scheduler.schedule(this::runAndReschedule, Math.max(1, jittered), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            // close() was called: no more runs
        }
    }

    private void runAndReschedule() {
        try {
            int removed = runOnce();
            if (removed > 0) {
                LOG.info("cleanup removed {} expired sessions and code claims", removed);
            } else {
                LOG.debug("cleanup found nothing to remove");
            }
        } catch (RuntimeException e) {
            LOG.warn("cleanup run failed, will try again next interval: {}", e.getClass().getSimpleName());
        } finally {
            scheduleNext();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

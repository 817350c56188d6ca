package dev.wxlogin.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenRefreshJobTest {
    @Test
    void itRunsWhenTheServiceSaysAndKeepsRunningAfterAFailedRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        Clock clock = Clock.systemUTC();
        try (AccessTokenRefreshJob job = new AccessTokenRefreshJob(() -> {
            runs.incrementAndGet();
            thirdRun.countDown();
            if (runs.get() == 1) {
                return Instant.EPOCH; // long past: at once
            }
            if (runs.get() == 2) {
                throw new IllegalStateException("the database is down");
            }
            return clock.instant().plusSeconds(3600);
        }, clock)) {
            job.start();
            assertThat(thirdRun.await(AccessTokenRefreshJob.AFTER_FAILURE.toSeconds() + 10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runs).hasValue(3);
    }
}

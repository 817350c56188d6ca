package dev.wxlogin.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** /ready's database check: one pooled connection a second, however many probes. */
class CachedCheckTest {
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final CachedCheck check = new CachedCheck(() -> {
        checks.incrementAndGet();
        return databaseUp.get();
    }, Duration.ofSeconds(1), nanos::get);

    @Test
    void manyProbesWithinTheWindowMakeOneCheck() {
        for (int i = 0; i < 100; i++) {
            assertThat(check.getAsBoolean()).isTrue();
            nanos.addAndGet(Duration.ofMillis(9).toNanos());
        }

        assertThat(checks).hasValue(1);
    }

    @Test
    void aProbeAfterTheWindowChecksAgainAndSeesTheChange() {
        assertThat(check.getAsBoolean()).isTrue();
        databaseUp.set(false);

        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(check.getAsBoolean()).as("still within the window").isTrue();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(check.getAsBoolean()).as("the window has passed").isFalse();

        assertThat(checks).hasValue(2);
    }

    @Test
    void probesArrivingDuringASlowCheckWaitForItsAnswer() throws Exception {
        CountDownLatch checking = new CountDownLatch(1);
        CountDownLatch answer = new CountDownLatch(1);
        CachedCheck slow = new CachedCheck(() -> {
            checks.incrementAndGet();
            checking.countDown();
            await(answer);
            return true;
        }, Duration.ofSeconds(1), nanos::get);
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> first = probes.submit(slow::getAsBoolean);
            assertThat(checking.await(10, TimeUnit.SECONDS)).isTrue();
            CountDownLatch asking = new CountDownLatch(20);
            List<Future<Boolean>> others = IntStream.range(0, 20).mapToObj(i -> probes.submit(() -> {
                asking.countDown();
                return slow.getAsBoolean();
            })).toList();
            assertThat(asking.await(10, TimeUnit.SECONDS)).isTrue();

            answer.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            for (Future<Boolean> other : others) {
                assertThat(other.get(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        assertThat(checks).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

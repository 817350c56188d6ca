package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.password.FailureSubject;
import dev.wxlogin.domain.password.Failures;
import dev.wxlogin.domain.password.Username;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ForCountingLoginFailures} does; each implementation's test extends this. */
public abstract class ForCountingLoginFailuresContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LONG_AGO = NOW.minusSeconds(86_400);

    protected abstract ForCountingLoginFailures failures();

    private static FailureSubject name(String value) {
        return FailureSubject.of(new Username(value));
    }

    @Test
    void aSubjectWithoutFailuresHasNoCount() {
        assertThat(failures().failuresOf(name("nobody"))).isEmpty();
    }

    @Test
    void failuresCountUpAndRememberTheLatest() {
        FailureSubject alice = name("alice");

        failures().recordFailure(alice, NOW, LONG_AGO);
        failures().recordFailure(alice, NOW.plusSeconds(5), LONG_AGO);

        assertThat(failures().failuresOf(alice)).contains(new Failures(2, NOW.plusSeconds(5)));
    }

    @Test
    void anEarlierClockNeverMovesTheLatestFailureBack() {
        FailureSubject alice = name("alice");

        failures().recordFailure(alice, NOW, LONG_AGO);
        failures().recordFailure(alice, NOW.minusSeconds(30), LONG_AGO);

        assertThat(failures().failuresOf(alice)).contains(new Failures(2, NOW));
    }

    @Test
    void subjectsAreCountedApart() {
        failures().recordFailure(name("alice"), NOW, LONG_AGO);
        failures().recordFailure(FailureSubject.ofClient("192.0.2.1"), NOW, LONG_AGO);

        assertThat(failures().failuresOf(name("alice"))).contains(new Failures(1, NOW));
        assertThat(failures().failuresOf(name("bob"))).isEmpty();
    }

    @Test
    void aCountLastRaisedBeforeTheForgettingPointStartsAgain() {
        FailureSubject alice = name("alice");
        failures().recordFailure(alice, NOW, LONG_AGO);
        failures().recordFailure(alice, NOW, LONG_AGO);
        Instant nextDay = NOW.plusSeconds(86_401);

        failures().recordFailure(alice, nextDay, nextDay.minusSeconds(86_400));

        assertThat(failures().failuresOf(alice)).contains(new Failures(1, nextDay));
    }

    @Test
    void aResetForgetsOnlyThatSubject() {
        failures().recordFailure(name("alice"), NOW, LONG_AGO);
        failures().recordFailure(name("bob"), NOW, LONG_AGO);

        failures().reset(name("alice"));
        failures().reset(name("never-failed"));

        assertThat(failures().failuresOf(name("alice"))).isEmpty();
        assertThat(failures().failuresOf(name("bob"))).isPresent();
    }

    @Test
    void cleanupDeletesOnlyForgottenCounts() {
        failures().recordFailure(name("old-one"), NOW, LONG_AGO);
        failures().recordFailure(name("old-two"), NOW, LONG_AGO);
        failures().recordFailure(name("recent"), NOW.plusSeconds(60), LONG_AGO);
        Instant forgetBefore = NOW.plusSeconds(30);

        assertThat(failures().deleteForgotten(forgetBefore, 1)).isEqualTo(1);
        assertThat(failures().deleteForgotten(forgetBefore, 10)).isEqualTo(1);
        assertThat(failures().deleteForgotten(forgetBefore, 10)).isZero();
        assertThat(failures().failuresOf(name("recent"))).isPresent();
    }

    @Test
    void concurrentFailuresAreCountedExactly() throws Exception {
        FailureSubject target = name("targeted");
        int threads = 8;
        int each = 5;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int j = 0; j < each; j++) {
                        failures().recordFailure(target, NOW, LONG_AGO);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }

        assertThat(failures().failuresOf(target)).contains(new Failures(threads * each, NOW));
    }
}

package dev.wxlogin.adapters.wechat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private final Backoff backoff =
            new Backoff(new WeChatApiSettings.Retry(2, Duration.ofMillis(200), Duration.ofMillis(300)));

    @Test
    void waitsAtRandomUpToTheDoublingBaseCappedAtTheMaximum() {
        List<Duration> firstRetries = IntStream.range(0, 1_000).mapToObj(i -> backoff.delayBefore(1)).toList();

        assertThat(firstRetries).allSatisfy(delay -> assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(200)));
        assertThat(firstRetries.stream().distinct().count()).as("full jitter spreads the waits").isGreaterThan(900);
        assertThat(IntStream.range(0, 1_000).mapToObj(i -> backoff.delayBefore(2)))
                .allSatisfy(delay -> assertThat(delay).isBetween(Duration.ZERO, Duration.ofMillis(300)))
                .anySatisfy(delay -> assertThat(delay).isGreaterThan(Duration.ofMillis(200)));
    }

    @Test
    void neverOverflowsOnLargeRetryNumbers() {
        assertThat(backoff.delayBefore(64)).isBetween(Duration.ZERO, Duration.ofMillis(300));
    }

    @Test
    void waitsNotAtAllWithZeroDelays() {
        Backoff none = new Backoff(new WeChatApiSettings.Retry(2, Duration.ZERO, Duration.ZERO));

        assertThat(none.delayBefore(1)).isZero();
    }
}

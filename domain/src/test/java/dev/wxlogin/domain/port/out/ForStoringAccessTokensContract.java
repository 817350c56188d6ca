package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens.StoredAccessToken;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ForStoringAccessTokens} does; each implementation's test extends this. */
public abstract class ForStoringAccessTokensContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final Duration SPACING = Duration.ofSeconds(30);
    private static final AppId APP = new AppId("wxcontract0000001");
    private static final long DAY = 20_454;

    protected abstract ForStoringAccessTokens tokens();

    private static StoredAccessToken stored(AppId app, String token, long version) {
        return new StoredAccessToken(new AccessTokenGrant(app, new AccessToken(token), NOW.plusSeconds(7200)), NOW, version);
    }

    @Test
    void aSavedTokenIsFoundAsSaved() {
        String longest = "T".repeat(AccessToken.MAX_LENGTH);
        StoredAccessToken token = new StoredAccessToken(
                new AccessTokenGrant(APP, new AccessToken(longest), NOW.plusMillis(7_200_123)), NOW.plusMillis(5), 1);

        assertThat(tokens().save(token)).isTrue();

        assertThat(tokens().find(APP)).contains(token);
        assertThat(tokens().find(new AppId("wxcontract0000002"))).isEmpty();
    }

    @Test
    void aNewerVersionReplacesTheStoredToken() {
        tokens().save(stored(APP, "first", 1));

        assertThat(tokens().save(stored(APP, "second", 2))).isTrue();

        assertThat(tokens().find(APP).orElseThrow().grant().token()).isEqualTo(new AccessToken("second"));
    }

    @Test
    void aStaleWriterCannotOverwriteANewerToken() {
        tokens().save(stored(APP, "newer", 3));

        assertThat(tokens().save(stored(APP, "older", 2))).isFalse();
        assertThat(tokens().save(stored(APP, "same-version", 3))).isFalse();

        assertThat(tokens().find(APP).orElseThrow().grant().token()).isEqualTo(new AccessToken("newer"));
        assertThat(tokens().find(APP).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void takingTheLeaseOfAnAppIdWithoutATokenStoresNoToken() {
        assertThat(tokens().takeLease(APP, "instance-a", NOW, NOW.plus(LEASE))).isTrue();

        assertThat(tokens().find(APP)).isEmpty();
        assertThat(tokens().save(stored(APP, "first", 1))).isTrue();
    }

    @Test
    void theLeaseIsExclusiveUntilItLapsesOrIsReleased() {
        assertThat(tokens().takeLease(APP, "instance-a", NOW, NOW.plus(LEASE))).isTrue();

        assertThat(tokens().takeLease(APP, "instance-b", NOW.plusSeconds(14), NOW.plusSeconds(29))).isFalse();
        assertThat(tokens().takeLease(APP, "instance-a", NOW.plusSeconds(1), NOW.plusSeconds(16))).isFalse();
        assertThat(tokens().takeLease(APP, "instance-b", NOW.plus(LEASE), NOW.plusSeconds(30))).isTrue();

        tokens().releaseLease(APP, "instance-a"); // lapsed and taken: not instance-a's to release any more
        assertThat(tokens().takeLease(APP, "instance-c", NOW.plusSeconds(16), NOW.plusSeconds(31))).isFalse();
        tokens().releaseLease(APP, "instance-b");
        assertThat(tokens().takeLease(APP, "instance-c", NOW.plusSeconds(16), NOW.plusSeconds(31))).isTrue();
    }

    @Test
    void leasesArePerAppId() {
        tokens().takeLease(APP, "instance-a", NOW, NOW.plus(LEASE));

        assertThat(tokens().takeLease(new AppId("wxcontract0000002"), "instance-b", NOW, NOW.plus(LEASE))).isTrue();
    }

    @Test
    void exactlyOneOfManyConcurrentTakersGetsTheLease() throws Exception {
        tokens().save(stored(APP, "expiring", 1));

        List<Boolean> taken = race(16, n -> tokens().takeLease(APP, "instance-" + n, NOW, NOW.plus(LEASE)));

        assertThat(taken).containsOnlyOnce(true);
    }

    @Test
    void forcedRefreshesAreAtLeastTheSpacingApart() {
        tokens().takeLease(APP, "instance-a", NOW, NOW.plus(LEASE));

        assertThat(tokens().countForcedRefresh(APP, NOW, DAY, SPACING, 20)).isEqualTo(1);
        assertThat(tokens().countForcedRefresh(APP, NOW.plusSeconds(29), DAY, SPACING, 20)).isZero();
        assertThat(tokens().countForcedRefresh(APP, NOW.plus(SPACING), DAY, SPACING, 20)).isEqualTo(2);
    }

    @Test
    void forcedRefreshesAreCountedPerDayAndTheCountStartsAgainNextDay() {
        tokens().takeLease(APP, "instance-a", NOW, NOW.plus(LEASE));
        for (int n = 1; n <= 3; n++) {
            assertThat(tokens().countForcedRefresh(APP, NOW.plus(SPACING.multipliedBy(n)), DAY, SPACING, 3)).isEqualTo(n);
        }

        assertThat(tokens().countForcedRefresh(APP, NOW.plus(SPACING.multipliedBy(4)), DAY, SPACING, 3)).isZero();
        assertThat(tokens().countForcedRefresh(APP, NOW.plus(SPACING.multipliedBy(5)), DAY + 1, SPACING, 3)).isEqualTo(1);
    }

    @Test
    void ofConcurrentForcedRefreshesOnlyOneIsCounted() throws Exception {
        tokens().takeLease(APP, "instance-a", NOW, NOW.plus(LEASE));

        List<Integer> counted = race(8, n -> tokens().countForcedRefresh(APP, NOW, DAY, SPACING, 20));

        assertThat(counted).containsOnlyOnce(1).containsOnly(0, 1);
    }

    private static <T> List<T> race(int racers, java.util.function.IntFunction<T> racer) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int n = 0; n < racers; n++) {
                int number = n;
                Callable<T> call = () -> {
                    start.await();
                    return racer.apply(number);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}

package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ForRememberingExchangedCodes} does; each implementation's test extends this. */
public abstract class ForRememberingExchangedCodesContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));
    private static final AppId APP = new AppId("wxcontract0000001");

    protected abstract ForRememberingExchangedCodes codes();

    private static LoginCode code(String value) {
        return new LoginCode(value);
    }

    @Test
    void aCodeCanBeClaimedOnlyOnce() {
        assertThat(codes().claim(APP, code("code-once"), NOW, EXPIRY)).isTrue();
        assertThat(codes().claim(APP, code("code-once"), NOW.plusSeconds(1), EXPIRY)).isFalse();
    }

    @Test
    void aReleasedCodeCanBeClaimedAgain() {
        codes().claim(APP, code("code-released"), NOW, EXPIRY);

        codes().release(APP, code("code-released"));

        assertThat(codes().claim(APP, code("code-released"), NOW, EXPIRY)).isTrue();
    }

    @Test
    void anExpiredClaimNoLongerBlocks() {
        codes().claim(APP, code("code-expired"), NOW, EXPIRY);

        assertThat(codes().claim(APP, code("code-expired"), EXPIRY, EXPIRY.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void claimsAreKeptPerMiniProgram() {
        codes().claim(APP, code("code-per-app"), NOW, EXPIRY);

        assertThat(codes().claim(new AppId("wxcontract0000002"), code("code-per-app"), NOW, EXPIRY)).isTrue();
    }

    @Test
    void cleanupDeletesOnlyExpiredClaims() {
        codes().claim(APP, code("code-old-1"), NOW, NOW.plusSeconds(10));
        codes().claim(APP, code("code-old-2"), NOW, NOW.plusSeconds(10));
        codes().claim(APP, code("code-fresh"), NOW, EXPIRY);
        Instant later = NOW.plusSeconds(11);

        assertThat(codes().deleteExpired(later, 1)).isEqualTo(1);
        assertThat(codes().deleteExpired(later, 10)).isEqualTo(1);
        assertThat(codes().claim(APP, code("code-fresh"), later, EXPIRY)).isFalse();
    }

    @Test
    void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
        assertThat(winnersOfConcurrentClaims(code("code-race"), NOW)).isEqualTo(1);
    }

    @Test
    void exactlyOneOfManyConcurrentTakeoversOfALapsedClaimWins() throws Exception {
        LoginCode code = code("code-lapsed-race");
        codes().claim(APP, code, NOW, NOW.plusSeconds(10));

        assertThat(winnersOfConcurrentClaims(code, NOW.plusSeconds(60))).isEqualTo(1);
    }

    private int winnersOfConcurrentClaims(LoginCode code, Instant at) throws Exception {
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return codes().claim(APP, code, at, at.plus(Duration.ofMinutes(5)));
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            return winners;
        }
    }
}

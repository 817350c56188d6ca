package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.fakes.InMemoryAccessTokenStorage;
import dev.wxlogin.domain.fakes.MutableClock;
import dev.wxlogin.domain.fakes.ScriptedWeChatTokens;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens.StoredAccessToken;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenServiceTest {
    private static final AppId APP = new AppId("wx0123456789abcdef");
    private static final AppId OTHER_APP = new AppId("wxfedcba9876543210");
    /** Just after midnight in China: a whole WeChat day of forced refreshes ahead. */
    private static final Instant START = Instant.parse("2026-01-01T16:00:00Z");
    private static final AccessTokenTiming TIMING = new AccessTokenTiming(Duration.ofSeconds(15), Duration.ofMillis(20), 3);
    private static final UpstreamFailure UNREACHABLE =
            new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "WeChat could not be reached", null, true);

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryAccessTokenStorage store = new InMemoryAccessTokenStorage();
    private final ScriptedWeChatTokens wechat = new ScriptedWeChatTokens();
    private final AtomicInteger pauses = new AtomicInteger();
    private final ServiceLog log = new ServiceLog(AccessTokenService.class);
    private final AccessTokenService service = service(wechat);

    @AfterEach
    void closeLog() {
        log.close();
    }

    /** Another instance on the same database, with a WeChat of its own that counts its fetches. */
    private AccessTokenService service(ScriptedWeChatTokens weChat) {
        return service(weChat, TIMING);
    }

    private AccessTokenService service(ScriptedWeChatTokens weChat, AccessTokenTiming timing) {
        return new AccessTokenService(weChat, store, List.of(APP), clock, timing, pause -> {
            assertThat(pause).isEqualTo(timing.poll());
            pauses.incrementAndGet();
        }, 0.1);
    }

    private AccessToken token(int n) {
        return wechat.token(n);
    }

    // --- serving ------------------------------------------------------------------------------------------

    @Test
    void theFirstCallerFetchesAndEveryLaterOneGetsTheStoredToken() {
        AccessTokenGrant first = service.current(APP);
        clock.advance(Duration.ofSeconds(7199));
        AccessTokenGrant later = service.current(APP);

        assertThat(first).isEqualTo(new AccessTokenGrant(APP, token(1), START.plusSeconds(7200)));
        assertThat(later).isEqualTo(first);
        assertThat(wechat.fetches()).isEqualTo(1);
        assertThat(store.find(APP).orElseThrow()).isEqualTo(new StoredAccessToken(first, START, 1));
        assertThat(log.lines()).containsExactly(
                "INFO Fetched access_token version 1 of AppID wx0123456789abcdef, expiring in 7200 s");
    }

    @Test
    void anExpiredTokenIsReplacedBeforeItIsHandedOut() {
        service.current(APP);
        clock.advance(Duration.ofSeconds(7200));

        AccessTokenGrant grant = service.current(APP);

        assertThat(grant.token()).isEqualTo(token(2));
        assertThat(store.find(APP).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void eachAppIdHasItsOwnToken() {
        service.current(APP);

        assertThat(service.current(OTHER_APP).appId()).isEqualTo(OTHER_APP);
        assertThat(wechat.fetches()).isEqualTo(2);
    }

    // --- passive refresh ----------------------------------------------------------------------------------

    @Test
    void fiftyCallersReportingTheSameRejectedTokenCauseOneFetch() throws Exception {
        AccessToken rejected = service.current(APP).token();
        wechat.hold();

        List<AccessTokenGrant> grants = concurrently(50, () -> service.replaceRejected(APP, rejected), wechat);

        assertThat(grants).extracting(AccessTokenGrant::token).containsOnly(token(2));
        assertThat(wechat.fetches()).isEqualTo(2);
        assertThat(pauses).hasValue(0);
    }

    @Test
    void callersOnTwoInstancesReportingTheSameRejectedTokenCauseOneFetchInTheCluster() throws Exception {
        AccessToken rejected = service.current(APP).token();
        ScriptedWeChatTokens otherWeChat = new ScriptedWeChatTokens("other-");
        AccessTokenService other = new AccessTokenService(otherWeChat, store, List.of(APP), clock,
                new AccessTokenTiming(Duration.ofSeconds(15), Duration.ofMillis(5), 2000), pause -> {
                    pauses.incrementAndGet();
                    Thread.sleep(pause); // a real wait, so the waiters outlast the held fetch
                }, 0.1);
        wechat.hold();
        otherWeChat.hold();

        List<Future<AccessTokenGrant>> racing = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            racing.add(threads.submit(() -> service.replaceRejected(APP, rejected)));
            wechat.awaitFetch(); // this instance holds the lease, and is inside its fetch
            for (int n = 0; n < 10; n++) {
                racing.add(threads.submit(() -> other.replaceRejected(APP, rejected)));
            }
            while (pauses.get() < 10) {
                Thread.onSpinWait(); // every caller on the other instance is waiting for the lease holder
            }
            wechat.release();
            otherWeChat.release();
            for (Future<AccessTokenGrant> grant : racing) {
                assertThat(grant.get().token()).isEqualTo(token(2));
            }
        }
        assertThat(wechat.fetches()).isEqualTo(2);
        assertThat(otherWeChat.fetches()).isZero();
    }

    @Test
    void aRejectionOfAnOlderTokenFetchesNothingAndGetsTheNewerOne() {
        AccessToken old = service.current(APP).token();
        service.replaceRejected(APP, old);

        AccessTokenGrant grant = service.replaceRejected(APP, old);

        assertThat(grant.token()).isEqualTo(token(2));
        assertThat(wechat.fetches()).isEqualTo(2);
    }

    @Test
    void aRejectedTokenThatStableTokenAnswersAgainIsForcedOutOnce() {
        wechat.sameUntilForced(true);
        AccessToken rejected = service.current(APP).token();

        AccessTokenGrant grant = service.replaceRejected(APP, rejected);

        assertThat(grant.token()).isEqualTo(token(2));
        assertThat(wechat.fetches()).isEqualTo(3);
        assertThat(wechat.forcedFetches()).isEqualTo(1);
        assertThat(log.lines()).contains("INFO stable_token answered the access_token of AppID wx0123456789abcdef that"
                + " an API rejected: force_refresh 1 of 20 today");
    }

    @Test
    void forceRefreshLimitsHoldAcrossInstances() {
        wechat.sameUntilForced(true);
        AccessTokenService other = service(wechat); // another instance, the same WeChat
        AccessToken first = service.current(APP).token();
        AccessToken second = service.replaceRejected(APP, first).token();
        clock.advance(Duration.ofSeconds(29));

        AccessTokenGrant tooSoon = other.replaceRejected(APP, second);

        assertThat(tooSoon.token()).isEqualTo(second); // WeChat insists it is current; no force is allowed yet
        assertThat(wechat.forcedFetches()).isEqualTo(1);
        assertThat(log.lines()).contains("WARN stable_token answered the access_token of AppID wx0123456789abcdef"
                + " that an API rejected, and force_refresh is at WeChat's limit (30 s apart, 20 a day): keeping it");

        clock.advance(Duration.ofSeconds(1));
        assertThat(other.replaceRejected(APP, second).token()).isEqualTo(token(3));
        assertThat(wechat.forcedFetches()).isEqualTo(2);
    }

    @Test
    void atMostTwentyForcedRefreshesADayThenNoneUntilChinasMidnight() {
        wechat.sameUntilForced(true);
        AccessToken current = service.current(APP).token();
        for (int n = 1; n <= 21; n++) {
            current = service.replaceRejected(APP, current).token();
            clock.advance(Duration.ofSeconds(30));
        }
        assertThat(wechat.forcedFetches()).isEqualTo(20);

        clock.advance(Duration.between(clock.instant(), START.plus(Duration.ofDays(1))));
        service.replaceRejected(APP, current);

        assertThat(wechat.forcedFetches()).isEqualTo(21);
    }

    @Test
    void aCallerWaitingForAnotherInstanceGivesUpAfterItsPolls() {
        AccessToken rejected = service.current(APP).token();
        store.takeLease(APP, "a-stuck-instance", clock.instant(), clock.instant().plusSeconds(15));

        assertThatThrownBy(() -> service.replaceRejected(APP, rejected))
                .isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
                    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(5));
                })
                .hasMessage("The access_token of AppID wx0123456789abcdef is being refreshed by another instance,"
                        + " which is taking long; try again shortly");
        assertThat(pauses).hasValue(TIMING.polls());
        assertThat(wechat.fetches()).isEqualTo(1);
    }

    @Test
    void aLeaseHolderThatDiesIsTakenOverOnceItsLeaseLapses() {
        AccessToken rejected = service.current(APP).token();
        store.takeLease(APP, "a-dead-instance", clock.instant(), clock.instant().plusSeconds(15));
        clock.advance(Duration.ofSeconds(15));

        assertThat(service.replaceRejected(APP, rejected).token()).isEqualTo(token(2));
    }

    @Test
    void aRefresherWhoseLeaseLapsedCannotOverwriteTheNewerToken() throws Exception {
        service.current(APP);
        clock.advance(Duration.ofSeconds(7200));
        ScriptedWeChatTokens slowWeChat = new ScriptedWeChatTokens("slow-").hold();
        AccessTokenService slow = service(slowWeChat);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<AccessTokenGrant> stale = threads.submit(() -> slow.current(APP));
            slowWeChat.awaitFetch();
            clock.advance(Duration.ofSeconds(15)); // its lease lapses: another instance takes over
            AccessTokenGrant newer = service.current(APP);
            slowWeChat.release();

            assertThat(stale.get()).isEqualTo(newer);
        }
        assertThat(store.find(APP).orElseThrow().grant().token()).isEqualTo(token(2));
        assertThat(store.find(APP).orElseThrow().version()).isEqualTo(2);
        assertThat(log.lines()).contains("WARN A newer access_token of AppID wx0123456789abcdef was stored while this"
                + " instance fetched version 2 (its lease had lapsed): keeping the newer one");
    }

    // --- proactive refresh --------------------------------------------------------------------------------

    @Test
    void aShortLivedTokenIsRefreshedInsideItsLastQuarterAndNoCallerEverGetsAnExpiredOne() {
        wechat.expiresIn(Duration.ofSeconds(20));
        service.current(APP);
        Instant due = service.refreshDue();
        assertThat(due).isEqualTo(START.plusMillis(15_500)); // a 5 s window; this instance refreshes 0.5 s into it

        for (int step = 0; step < 1200; step++) { // two minutes in steps of 100 ms, the job running when due
            clock.advance(Duration.ofMillis(100));
            if (!clock.instant().isBefore(due)) {
                due = service.refreshDue();
            }
            assertThat(service.current(APP).expiresAt()).isAfter(clock.instant().plusMillis(2_400));
        }
        // 120 s of 20 s tokens, each replaced 4.5 s before its end: one fetch per 15.5 s
        assertThat(wechat.fetches()).isEqualTo(1 + 120_000 / 15_500);
    }

    @Test
    void aLongLivedTokenIsRefreshedInsideWeChatsLastFiveMinutes() {
        service.current(APP);

        assertThat(service.refreshDue()).isEqualTo(START.plusSeconds(30)); // it looks at least every 30 s
        clock.advance(Duration.ofSeconds(7200 - 271));
        service.refreshDue();
        assertThat(wechat.fetches()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(service.refreshDue()).isEqualTo(clock.instant().plusSeconds(30)); // the new token's is far off
        assertThat(wechat.fetches()).isEqualTo(2);
    }

    @Test
    void withNothingStoredTheJobFetchesNothingAndLooksAgainInThirtySeconds() {
        assertThat(service.refreshDue()).isEqualTo(START.plusSeconds(30));
        assertThat(wechat.fetches()).isZero();
    }

    @Test
    void theJobLooksAgainWhenTheEarliestTokenIsDue() {
        AccessTokenService both = new AccessTokenService(wechat, store, List.of(APP, OTHER_APP), clock, TIMING,
                pause -> { }, 0.5);
        wechat.expiresIn(Duration.ofSeconds(40));
        both.current(APP);
        wechat.expiresIn(Duration.ofSeconds(20));
        both.current(OTHER_APP);

        assertThat(both.refreshDue()).isEqualTo(START.plusMillis(17_500));
    }

    @Test
    void aProactiveRefreshThatFailsKeepsTheTokenAndIsTriedAgainSoon() {
        wechat.expiresIn(Duration.ofSeconds(20));
        service.current(APP);
        clock.advance(Duration.ofMillis(15_500));
        wechat.failing(UNREACHABLE);

        assertThat(service.refreshDue()).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(service.current(APP).token()).isEqualTo(token(1));
        assertThat(log.lines()).contains("WARN The access_token of AppID wx0123456789abcdef cannot be fetched:"
                + " WeChat could not be reached; serving the stored token until it expires")
                .noneMatch(line -> line.contains("proactive access_token refresh"));
    }

    @Test
    void aProactiveRefreshThatAnotherInstanceIsDoingIsLeftToIt() {
        wechat.expiresIn(Duration.ofSeconds(20));
        service.current(APP);
        clock.advance(Duration.ofMillis(15_500));
        store.takeLease(APP, "another-instance", clock.instant(), clock.instant().plusSeconds(15));

        assertThat(service.refreshDue()).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(wechat.fetches()).isEqualTo(1);
        assertThat(pauses).hasValue(0);
        assertThat(log.lines()).noneMatch(line -> line.contains("proactive access_token refresh"));
    }

    @Test
    void aProactiveRefreshThatBreaksIsLoggedAndTriedAgainSoon() {
        wechat.expiresIn(Duration.ofSeconds(20));
        service.current(APP);
        clock.advance(Duration.ofSeconds(20));
        wechat.failing(UNREACHABLE);

        assertThat(service.refreshDue()).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(log.lines()).contains("WARN The proactive access_token refresh of AppID wx0123456789abcdef failed"
                + " (The access_token of AppID wx0123456789abcdef is not to be had from WeChat now; try again shortly);"
                + " trying again in 2 s");
    }

    @Test
    void aRefreshThatBringsBackATokenAlreadyDueIsTriedAgainSoon() {
        wechat.expiresIn(Duration.ofSeconds(20));
        service.current(APP);
        clock.advance(Duration.ofMillis(15_500));
        wechat.expiresIn(Duration.ZERO); // a token dead on arrival

        assertThat(service.refreshDue()).isEqualTo(clock.instant().plusSeconds(2));
    }

    // --- failures -----------------------------------------------------------------------------------------

    @Test
    void whileWeChatIsUnreachableTheStoredTokenIsServedUntilItExpiresThenUnavailable() {
        AccessTokenGrant stored = service.current(APP);
        wechat.failing(UNREACHABLE);
        clock.advance(Duration.ofSeconds(7199));

        assertThat(service.current(APP)).isEqualTo(stored);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> service.current(APP))
                .isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
                    assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
                    assertThat(failure.retryAfter()).contains(Duration.ofSeconds(5));
                })
                .hasMessage("The access_token of AppID wx0123456789abcdef is not to be had from WeChat now; try again"
                        + " shortly");
        assertThat(log.lines()).contains("WARN The access_token of AppID wx0123456789abcdef cannot be fetched:"
                + " WeChat could not be reached; no live token to serve");

        wechat.recover();
        assertThat(service.current(APP).token()).isEqualTo(token(2));
    }

    @Test
    void aRejectedTokenIsNotServedAgainWhenNoNewOneCanBeHad() {
        AccessToken rejected = service.current(APP).token();
        wechat.failing(UNREACHABLE);

        assertThatThrownBy(() -> service.replaceRejected(APP, rejected))
                .isInstanceOfSatisfying(UpstreamFailure.class,
                        failure -> assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.UNAVAILABLE));
    }

    @Test
    void theDailyQuotaKeepsTheStoredTokenServedAndIsLoggedAsAnErrorNamingTheAppId() {
        AccessTokenGrant stored = service.current(APP);
        wechat.failing(new UpstreamFailure(UpstreamFailure.Kind.RATE_LIMITED, "daily quota", Duration.ofSeconds(60)));
        clock.advance(Duration.ofSeconds(7200 - 270));

        service.refreshDue();
        assertThat(service.current(APP)).isEqualTo(stored);
        assertThat(log.lines()).contains("ERROR The access_token of AppID wx0123456789abcdef cannot be fetched:"
                + " WeChat's daily quota for it is used up (45009); serving the stored token until it expires");

        clock.advance(Duration.ofSeconds(270));
        assertThatThrownBy(() -> service.current(APP)).isInstanceOfSatisfying(UpstreamFailure.class, failure -> {
            assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(5));
        });
    }

    @Test
    void aMisconfiguredServerFailsAsMisconfiguredWithAnErrorLineWithTheErrcode() {
        UpstreamFailure misconfigured = new UpstreamFailure(UpstreamFailure.Kind.MISCONFIGURED,
                "WeChat refused this server's AppID/AppSecret configuration (errcode 40164)", null);
        wechat.failing(misconfigured);

        assertThatThrownBy(() -> service.current(APP)).isSameAs(misconfigured);
        assertThat(log.lines()).containsExactly("ERROR The access_token of AppID wx0123456789abcdef cannot be fetched:"
                + " WeChat says this server is misconfigured: WeChat refused this server's AppID/AppSecret configuration"
                + " (errcode 40164); no live token to serve");
    }

    @Test
    void aMisconfigurationFoundByTheProactiveRefreshLeavesTheLiveTokenServed() {
        AccessTokenGrant stored = service.current(APP);
        wechat.failing(new UpstreamFailure(UpstreamFailure.Kind.MISCONFIGURED, "errcode 40243", null));
        clock.advance(Duration.ofSeconds(7200 - 270));

        service.refreshDue();

        assertThat(service.current(APP)).isEqualTo(stored);
        assertThat(log.lines()).anyMatch(line -> line.startsWith("ERROR") && line.contains("misconfigured: errcode 40243;"
                + " serving the stored token until it expires"));
    }

    @Test
    void waitingIsSleepingThePollInterval() throws Exception {
        AccessTokenService real = new AccessTokenService(wechat, store, List.of(APP), clock,
                new AccessTokenTiming(Duration.ofSeconds(15), Duration.ofMillis(200), 1));
        AccessToken rejected = real.current(APP).token();
        store.takeLease(APP, "a-stuck-instance", clock.instant(), clock.instant().plusSeconds(15));

        long started = System.nanoTime();
        assertThatThrownBy(() -> real.replaceRejected(APP, rejected)).isInstanceOf(UpstreamFailure.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void anInterruptedWaitEndsAsUnavailableAndKeepsTheInterrupt() throws Exception {
        AccessTokenService real = new AccessTokenService(wechat, store, List.of(APP), clock, TIMING);
        AccessToken rejected = real.current(APP).token();
        store.takeLease(APP, "a-stuck-instance", clock.instant(), clock.instant().plusSeconds(15));

        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> real.replaceRejected(APP, rejected))
                    .isInstanceOf(UpstreamFailure.class)
                    .hasMessage("Interrupted while waiting for an access_token");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    // --- races the in-process lock and the lease settle ---------------------------------------------------

    @Test
    void whileARefreshRunsOtherCallersKeepGettingTheLiveToken() throws Exception {
        AccessToken rejected = service.current(APP).token();
        wechat.hold();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<AccessTokenGrant> refresh = threads.submit(() -> service.replaceRejected(APP, rejected));
            wechat.awaitFetch(); // the refresher holds this instance's lock for the AppID, and the lease

            Future<AccessTokenGrant> meanwhile = threads.submit(() -> service.current(APP));
            assertThat(meanwhile.get(5, java.util.concurrent.TimeUnit.SECONDS).token()).isEqualTo(rejected);

            wechat.release();
            assertThat(refresh.get().token()).isEqualTo(token(2));
        }
    }

    /** A store on which another instance writes {@code newer} and lets its lease go just before ours is taken. */
    private ForStoringAccessTokens anotherInstanceRefreshesFirst(StoredAccessToken newer) {
        return new ForStoringAccessTokens() {
            @Override
            public Optional<StoredAccessToken> find(AppId app) {
                return store.find(app);
            }

            @Override
            public boolean takeLease(AppId app, String owner, Instant now, Instant until) {
                store.save(newer);
                return store.takeLease(app, owner, now, until);
            }

            @Override
            public void releaseLease(AppId app, String owner) {
                store.releaseLease(app, owner);
            }

            @Override
            public boolean save(StoredAccessToken token) {
                return store.save(token);
            }

            @Override
            public int countForcedRefresh(AppId app, Instant now, long day, Duration spacing, int perDay) {
                return store.countForcedRefresh(app, now, day, spacing, perDay);
            }
        };
    }

    @Test
    void aTokenAnotherInstanceStoredBetweenOurLookAndOurLeaseIsTakenAsItIs() {
        service.current(APP);
        clock.advance(Duration.ofSeconds(7200));
        StoredAccessToken newer = new StoredAccessToken(
                new AccessTokenGrant(APP, new AccessToken("from-another-instance"), clock.instant().plusSeconds(7200)),
                clock.instant(), 2);
        AccessTokenService racing = new AccessTokenService(wechat, anotherInstanceRefreshesFirst(newer), List.of(APP),
                clock, TIMING, pause -> pauses.incrementAndGet(), 0.1);

        assertThat(racing.current(APP)).isEqualTo(newer.grant());
        assertThat(wechat.fetches()).isEqualTo(1);
    }

    @Test
    void aProactiveRefreshFindsTheOneAnotherInstanceStoredMeanwhileAndFetchesNothing() {
        service.current(APP);
        clock.advance(Duration.ofSeconds(7200 - 270));
        StoredAccessToken newer = new StoredAccessToken(
                new AccessTokenGrant(APP, new AccessToken("from-another-instance"), clock.instant().plusSeconds(7200)),
                clock.instant(), 2);
        AccessTokenService racing = new AccessTokenService(wechat, anotherInstanceRefreshesFirst(newer), List.of(APP),
                clock, TIMING, pause -> pauses.incrementAndGet(), 0.1);

        assertThat(racing.refreshDue()).isEqualTo(clock.instant().plusSeconds(30));
        assertThat(wechat.fetches()).isEqualTo(1);
        assertThat(store.find(APP).orElseThrow()).isEqualTo(newer);
    }

    /** Runs {@code callers} calls at once; {@code held} is released once they have all started. */
    private static <T> List<T> concurrently(int callers, java.util.concurrent.Callable<T> call,
                                            ScriptedWeChatTokens held) throws Exception {
        CountDownLatch started = new CountDownLatch(callers);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int n = 0; n < callers; n++) {
                futures.add(threads.submit(() -> {
                    started.countDown();
                    return call.call();
                }));
            }
            started.await();
            held.awaitFetch();
            held.release();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}

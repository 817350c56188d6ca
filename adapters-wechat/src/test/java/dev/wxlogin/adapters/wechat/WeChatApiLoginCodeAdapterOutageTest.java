package dev.wxlogin.adapters.wechat;

import dev.wxlogin.adapters.wechat.WeChatApiSettings.Breaker;
import dev.wxlogin.adapters.wechat.WeChatApiSettings.Bulkhead;
import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.adapters.wechat.testing.CapturedLogs;
import dev.wxlogin.adapters.wechat.testing.FixtureServer;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.WeChatIdentity;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static dev.wxlogin.domain.error.UpstreamFailure.Kind.BUSY;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.MISCONFIGURED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.RATE_LIMITED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.REFUSED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The circuit breaker and the bulkhead around code2Session, against the sandbox misbehaving. */
class WeChatApiLoginCodeAdapterOutageTest {
    private static final SandboxApp APP = SandboxSettings.DEFAULT_APP;
    private static final WeChatApiSettings.Retry FAST_RETRY =
            new WeChatApiSettings.Retry(2, Duration.ofMillis(1), Duration.ofMillis(1));
    private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(5);
    private static final int MINIMUM_CALLS = 4;
    private static final Duration OPEN_FOR = Duration.ofSeconds(30);
    /** Opens after {@link #MINIMUM_CALLS} bad exchanges and stays open long enough for any test to look at it. */
    private static final Breaker QUICK_TO_OPEN =
            new Breaker(Duration.ofSeconds(60), MINIMUM_CALLS, 50, Duration.ofSeconds(2), 50, OPEN_FOR, 2);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final CapturedLogs logs = new CapturedLogs();
    private final WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().build()).start();
    private final List<WeChatApiLoginCodeAdapter> adapters = new ArrayList<>();
    private final AtomicInteger users = new AtomicInteger();
    private final List<FixtureServer> fixtures = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        adapters.forEach(WeChatApiLoginCodeAdapter::close);
        fixtures.forEach(FixtureServer::close);
        sandbox.close();
        logs.close();
    }

    private WeChatApiLoginCodeAdapter adapter(Duration requestTimeout, Breaker breaker, Bulkhead bulkhead,
                                              MiniProgram... miniPrograms) {
        List<MiniProgram> apps = miniPrograms.length == 0 ? List.of(APP.miniProgram()) : List.of(miniPrograms);
        return adapter(sandbox.baseUrl(), requestTimeout, breaker, bulkhead, apps);
    }

    private WeChatApiLoginCodeAdapter adapter(URI baseUrl, Duration requestTimeout, Breaker breaker, Bulkhead bulkhead,
                                              List<MiniProgram> apps) {
        WeChatApiLoginCodeAdapter adapter = new WeChatApiLoginCodeAdapter(new WeChatApiSettings(
                baseUrl, apps, Duration.ofSeconds(1), requestTimeout, WeChatApiSettings.DEFAULT_TOTAL_TIMEOUT,
                FAST_RETRY, breaker, bulkhead));
        adapters.add(adapter);
        return adapter;
    }

    /** A code for a user of its own, so that no test runs into the sandbox's per-user minute quota. */
    private LoginCode freshCode() {
        return sandbox.wxLogin(APP.appId(), "user-" + users.incrementAndGet());
    }

    private UpstreamFailure upstreamFailure(WeChatApiLoginCodeAdapter adapter) {
        return failure(UpstreamFailure.class, () -> adapter.exchange(APP.appId(), freshCode()));
    }

    private static <T extends DomainException> T failure(Class<T> type, ThrowingCallable exchange) {
        T failure = catchThrowableOfType(type, exchange);
        assertThat(failure).as("the exchange fails with " + type.getSimpleName()).isNotNull();
        return failure;
    }

    private List<String> transitions() {
        return logs.lines().stream().filter(line -> line.startsWith("WARN WeChat circuit breaker")).toList();
    }

    /** Polls, a bounded number of times, for what the breaker's own scheduler does in the background. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void opensWhenWeChatStaysBusyThenFailsFastWithoutCallingIt() {
        sandbox.faults().busyRate(1.0);
        WeChatApiLoginCodeAdapter adapter = adapter(NORMAL_TIMEOUT, QUICK_TO_OPEN, Bulkhead.DEFAULT);
        for (int i = 0; i < MINIMUM_CALLS; i++) {
            assertThat(upstreamFailure(adapter).kind()).isEqualTo(BUSY);
        }
        assertThat(adapter.breakerState()).isEqualTo("OPEN");
        assertThat(sandbox.exchangeCalls()).as("each exchange tried 3 times").isEqualTo(MINIMUM_CALLS * 3);

        UpstreamFailure failFast = upstreamFailure(adapter);

        assertThat(failFast.kind()).isEqualTo(UNAVAILABLE);
        assertThat(failFast.getMessage()).isEqualTo("WeChat is not answering; try again shortly");
        assertThat(failFast.codeUnspent()).as("WeChat never saw the code").isTrue();
        assertThat(failFast.retryAfter()).hasValueSatisfying(after ->
                assertThat(after).isBetween(Duration.ofSeconds(1), OPEN_FOR));
        assertThat(sandbox.exchangeCalls()).as("no call while open").isEqualTo(MINIMUM_CALLS * 3);
        assertThat(transitions()).containsExactly("WARN WeChat circuit breaker for code2Session went from CLOSED to OPEN");
        assertThat(logs.text()).doesNotContain(APP.secret().value());
    }

    @Test
    void countsABusyAnswerRetriedIntoASuccessAsASuccess() {
        WeChatApiLoginCodeAdapter adapter = adapter(NORMAL_TIMEOUT, QUICK_TO_OPEN, Bulkhead.DEFAULT);

        for (int i = 0; i < MINIMUM_CALLS; i++) {
            sandbox.faults().busyForNext(1);
            assertThat(adapter.exchange(APP.appId(), freshCode()).unionId()).isPresent();
        }

        assertThat(sandbox.exchangeCalls()).isEqualTo(MINIMUM_CALLS * 2);
        assertThat(adapter.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void opensWhenWeChatHangsAndClosesOnceTheHalfOpenProbesSucceed() throws InterruptedException {
        sandbox.faults().hang(true);
        Breaker briefly = new Breaker(Duration.ofSeconds(60), MINIMUM_CALLS, 50, Duration.ofSeconds(2), 50,
                Duration.ofMillis(200), 2);
        WeChatApiLoginCodeAdapter adapter = adapter(Duration.ofMillis(200), briefly, Bulkhead.DEFAULT);
        for (int i = 0; i < MINIMUM_CALLS; i++) {
            UpstreamFailure unanswered = upstreamFailure(adapter);
            assertThat(unanswered.kind()).isEqualTo(UNAVAILABLE);
            assertThat(unanswered.codeUnspent()).as("the request was sent; the code may be spent").isFalse();
        }
        // Not "exactly": the breaker may already have moved on to half-open.
        assertThat(transitions()).first().isEqualTo("WARN WeChat circuit breaker for code2Session went from CLOSED to OPEN");

        sandbox.faults().clear();
        await(() -> adapter.breakerState().equals("HALF_OPEN"));
        assertThat(adapter.breakerState()).isEqualTo("HALF_OPEN");
        WeChatIdentity firstProbe = adapter.exchange(APP.appId(), freshCode());
        WeChatIdentity secondProbe = adapter.exchange(APP.appId(), freshCode());

        assertThat(List.of(firstProbe, secondProbe)).allSatisfy(identity -> assertThat(identity.unionId()).isPresent());
        assertThat(adapter.breakerState()).isEqualTo("CLOSED");
        assertThat(sandbox.exchangeCalls()).isEqualTo(MINIMUM_CALLS + 2);
        assertThat(transitions()).containsExactly(
                "WARN WeChat circuit breaker for code2Session went from CLOSED to OPEN",
                "WARN WeChat circuit breaker for code2Session went from OPEN to HALF_OPEN",
                "WARN WeChat circuit breaker for code2Session went from HALF_OPEN to CLOSED");
    }

    @Test
    void opensWhenWeChatAnswersSlowlyEvenThoughItAnswersWell() {
        sandbox.faults().latency(Duration.ofMillis(100));
        Breaker impatient = new Breaker(Duration.ofSeconds(60), MINIMUM_CALLS, 50, Duration.ofMillis(50), 50, OPEN_FOR, 2);
        WeChatApiLoginCodeAdapter adapter = adapter(NORMAL_TIMEOUT, impatient, Bulkhead.DEFAULT);
        for (int i = 0; i < MINIMUM_CALLS; i++) {
            assertThat(adapter.exchange(APP.appId(), freshCode()).unionId()).isPresent();
        }

        assertThat(adapter.breakerState()).isEqualTo("OPEN");
        assertThat(upstreamFailure(adapter).kind()).isEqualTo(UNAVAILABLE);
        assertThat(sandbox.exchangeCalls()).isEqualTo(MINIMUM_CALLS);
    }

    @Test
    void neverOpensOnCodesWeChatRejects() {
        WeChatApiLoginCodeAdapter adapter = adapter(NORMAL_TIMEOUT, QUICK_TO_OPEN, Bulkhead.DEFAULT);
        LoginCode used = freshCode();
        adapter.exchange(APP.appId(), used);

        for (int i = 0; i < MINIMUM_CALLS * 2; i++) {
            assertThat(failure(LoginRejected.class, () -> adapter.exchange(APP.appId(), new LoginCode("not-a-code")))
                    .reason()).isEqualTo(LoginRejected.Reason.INVALID_CODE);
            assertThat(failure(LoginRejected.class, () -> adapter.exchange(APP.appId(), used))
                    .reason()).isEqualTo(LoginRejected.Reason.CODE_USED);
        }

        assertThat(sandbox.exchangeCalls()).isEqualTo(1 + MINIMUM_CALLS * 4);
        assertThat(adapter.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void neverOpensOnTheMinuteQuotaOurCredentialsOrOurCallersMistakes() {
        MiniProgram unknownToWeChat = new MiniProgram(new AppId("wxunknowntowechat1"), new AppSecret("unknown-secret-7f3a"));
        WeChatApiLoginCodeAdapter adapter =
                adapter(NORMAL_TIMEOUT, QUICK_TO_OPEN, Bulkhead.DEFAULT, APP.miniProgram(), unknownToWeChat);
        AppId notConfigured = new AppId("wxnotconfigured01");

        for (int i = 0; i < MINIMUM_CALLS * 2; i++) {
            assertThat(failure(UpstreamFailure.class, () -> adapter.exchange(unknownToWeChat.appId(), freshCode()))
                    .kind()).isEqualTo(MISCONFIGURED);
            failure(InvalidInput.class, () -> adapter.exchange(notConfigured, freshCode()));
        }
        sandbox.faults().quotaExceeded(true);
        for (int i = 0; i < MINIMUM_CALLS * 2; i++) {
            assertThat(upstreamFailure(adapter).kind()).isEqualTo(RATE_LIMITED);
        }

        assertThat(adapter.breakerState()).isEqualTo("CLOSED");
    }

    /** An errcode this server does not know is one failed login, not evidence that WeChat is down. */
    @Test
    void neverOpensOnErrcodesItDoesNotKnowWhereTheSameNumberOfServerErrorsOpensIt() {
        FixtureServer refusing = fixture(200, "text/plain", "{\"errcode\":61000,\"errmsg\":\"something new\"}");
        FixtureServer failing = fixture(503, "text/html", "<html><body>Service Unavailable</body></html>");
        WeChatApiLoginCodeAdapter refused = adapter(refusing.baseUrl(), NORMAL_TIMEOUT, QUICK_TO_OPEN, Bulkhead.DEFAULT,
                List.of(APP.miniProgram()));
        WeChatApiLoginCodeAdapter unavailable = adapter(failing.baseUrl(), NORMAL_TIMEOUT, QUICK_TO_OPEN,
                Bulkhead.DEFAULT, List.of(APP.miniProgram()));

        for (int i = 0; i < MINIMUM_CALLS * 3; i++) {
            assertThat(upstreamFailure(refused).kind()).isEqualTo(REFUSED);
        }
        for (int i = 0; i < MINIMUM_CALLS; i++) {
            assertThat(upstreamFailure(unavailable).kind()).isEqualTo(UNAVAILABLE);
        }

        assertThat(refusing.requests()).hasSize(MINIMUM_CALLS * 3);
        assertThat(refused.breakerState()).isEqualTo("CLOSED");
        assertThat(unavailable.breakerState()).isEqualTo("OPEN");
    }

    private FixtureServer fixture(int status, String contentType, String body) {
        FixtureServer fixture = FixtureServer.answering(status, contentType, body);
        fixtures.add(fixture);
        return fixture;
    }

    @Test
    void letsOnlyTheBulkheadsWorthOfConcurrentExchangesReachWeChatAndRejectsTheRestAsBusy() throws Exception {
        sandbox.faults().latency(Duration.ofMillis(500));
        WeChatApiLoginCodeAdapter adapter = adapter(NORMAL_TIMEOUT, Breaker.DEFAULT, new Bulkhead(2));

        List<Object> outcomes = exchangedAtOnce(adapter, 6);

        assertThat(outcomes).filteredOn(WeChatIdentity.class::isInstance).hasSize(2);
        assertThat(outcomes).filteredOn(UpstreamFailure.class::isInstance).hasSize(4).allSatisfy(outcome -> {
            UpstreamFailure rejected = (UpstreamFailure) outcome;
            assertThat(rejected.kind()).isEqualTo(BUSY);
            assertThat(rejected.retryAfter()).contains(Duration.ofSeconds(1));
        });
        assertThat(sandbox.exchangeCalls()).isEqualTo(2);
        assertThat(adapter.breakerState()).isEqualTo("CLOSED");
    }

    /**
     * Ordinary load never reaches the default bulkhead (security.md §1.6): one of 50 refused 7-8 % of logins at 256
     * connections and 50 ms of WeChat latency. Here all 256 wait on a WeChat slowed to half a second.
     */
    @Test
    void letsTwoHundredAndFiftySixConcurrentExchangesThroughTheDefaultBulkhead() throws Exception {
        sandbox.faults().latency(Duration.ofMillis(500));
        WeChatApiLoginCodeAdapter adapter = adapter(NORMAL_TIMEOUT, Breaker.DEFAULT, Bulkhead.DEFAULT);

        List<Object> outcomes = exchangedAtOnce(adapter, 256);

        assertThat(outcomes).filteredOn(DomainException.class::isInstance).isEmpty();
        assertThat(sandbox.exchangeCalls()).isEqualTo(256);
    }

    /** Each outcome, an identity or a domain error, of {@code count} exchanges started together, one thread each. */
    private List<Object> exchangedAtOnce(WeChatApiLoginCodeAdapter adapter, int count) throws Exception {
        List<LoginCode> codes = IntStream.range(0, count).mapToObj(i -> freshCode()).toList();
        CountDownLatch start = new CountDownLatch(1);
        List<Object> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> exchanges = codes.stream().map(code -> threads.submit(() -> {
                start.await();
                try {
                    return (Object) adapter.exchange(APP.appId(), code);
                } catch (DomainException failure) {
                    return failure;
                }
            })).toList();
            start.countDown();
            for (Future<Object> exchange : exchanges) {
                outcomes.add(exchange.get());
            }
        }
        return outcomes;
    }

    @Test
    void doesNotBlameWeChatForAnExchangeWeInterrupted() throws InterruptedException {
        sandbox.faults().hang(true);
        Breaker openingOnOneFailure =
                new Breaker(Duration.ofSeconds(60), 1, 50, Duration.ofSeconds(2), 50, OPEN_FOR, 2);
        WeChatApiLoginCodeAdapter adapter = adapter(NORMAL_TIMEOUT, openingOnOneFailure, Bulkhead.DEFAULT);
        LoginCode code = freshCode();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = Thread.ofPlatform().start(() ->
                thrown.set(catchThrowable(() -> adapter.exchange(APP.appId(), code))));

        await(() -> sandbox.exchangeCalls() == 1);
        caller.interrupt();
        caller.join(PATIENCE);

        assertThat(thrown.get()).isInstanceOfSatisfying(UpstreamFailure.class, failure ->
                assertThat(failure.kind()).isEqualTo(UNAVAILABLE));
        assertThat(adapter.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void refusesAnAlreadyInterruptedCallerWithoutCallingWeChat() {
        WeChatApiLoginCodeAdapter adapter = adapter(NORMAL_TIMEOUT, QUICK_TO_OPEN, Bulkhead.DEFAULT);
        LoginCode code = freshCode();

        Thread.currentThread().interrupt();
        Throwable thrown = catchThrowable(() -> adapter.exchange(APP.appId(), code));

        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        assertThat(thrown).isInstanceOfSatisfying(UpstreamFailure.class, failure ->
                assertThat(failure.kind()).isEqualTo(UNAVAILABLE));
        assertThat(sandbox.exchangeCalls()).isZero();
    }
}

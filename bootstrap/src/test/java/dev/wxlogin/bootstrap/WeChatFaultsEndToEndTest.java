package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.SandboxFaults;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WeChat's bad days (security.md F1-F5, F3's breaker, 40226, a wrong AppSecret) as a mini program sees them
 * through the real server: the sandbox misbehaves over loopback HTTP, and the test counts what reached it
 * and what reached the database.
 */
class WeChatFaultsEndToEndTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @AfterEach
    void wellBehavedAgain() {
        faults().clear();
    }

    private static SandboxFaults faults() {
        return server.sandbox().faults();
    }

    private static long upstreamCalls() {
        return server.sandbox().exchangeCalls();
    }

    @Test
    void oneBusyAnswerIsRetriedAndTheLoginSucceeds() { // F1
        faults().busyForNext(1);
        long before = upstreamCalls();

        HttpResponse<String> login = server.login(server.wxLogin("f1-user"));

        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(upstreamCalls() - before).isEqualTo(2);
    }

    @Test
    void wechatBusyOnEveryCallGives503AfterThreeCallsAndCreatesNothing() { // F2
        faults().busyRate(1.0);
        String code = server.wxLogin("f2-user");
        long users = server.rows("app_user");
        long sessions = server.rows("user_session");
        long before = upstreamCalls();

        HttpResponse<String> login = server.login(code);

        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(problemCode(login)).isEqualTo("upstream_busy");
        assertThat(login.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(login.body()).doesNotContain("token");
        assertThat(upstreamCalls() - before).isEqualTo(3);
        assertThat(server.rows("app_user")).isEqualTo(users);
        assertThat(server.rows("user_session")).isEqualTo(sessions);
    }

    @Test
    void aCodeWeChatWasTooBusyToLookAtStillWorksOnceWeChatIsBack() {
        faults().busyRate(1.0);
        String code = server.wxLogin("f2-retry-user");
        assertThat(server.login(code).statusCode()).isEqualTo(503);

        faults().clear();

        assertThat(server.login(code).statusCode()).isEqualTo(200);
    }

    @Test
    void wechatNotAnsweringGives503AndTheCodeCannotBeReplayed() { // F3; waits out the 3 s request timeout once
        faults().hang(true);
        String code = server.wxLogin("f3-user");
        long users = server.rows("app_user");
        long before = upstreamCalls();

        HttpResponse<String> login = server.login(code);

        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(problemCode(login)).isEqualTo("upstream_unavailable");
        assertThat(upstreamCalls() - before).as("an unanswered call may have used the code: no retry").isEqualTo(1);
        assertThat(server.rows("app_user")).isEqualTo(users);

        faults().clear();
        HttpResponse<String> retry = server.login(code);
        assertThat(retry.statusCode()).isEqualTo(409);
        assertThat(problemCode(retry)).isEqualTo("code_used");
        assertThat(upstreamCalls() - before).as("the replay is refused without asking WeChat").isEqualTo(1);
    }

    @Test
    void wechatsMinuteQuotaGives429WithRetryAfter60AndNoRetry() { // F4
        faults().quotaExceeded(true);
        String code = server.wxLogin("f4-user");
        long before = upstreamCalls();

        HttpResponse<String> login = server.login(code);

        assertThat(login.statusCode()).isEqualTo(429);
        assertThat(problemCode(login)).isEqualTo("upstream_rate_limited");
        assertThat(login.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(upstreamCalls() - before).isEqualTo(1);

        faults().clear();
        assertThat(server.login(code).statusCode()).as("WeChat did not take the code").isEqualTo(200);
    }

    @Test
    void anHtmlBadGatewayGives503AndNoHalfCreatedUser() { // F5
        faults().badGateway(true);
        long users = server.rows("app_user");
        long sessions = server.rows("user_session");

        HttpResponse<String> login = server.login(server.wxLogin("f5-user"));

        assertThat(login.statusCode()).isEqualTo(503);
        assertThat(problemCode(login)).isEqualTo("upstream_unavailable");
        assertThat(login.body()).doesNotContain("nginx").doesNotContain("<html>");
        assertThat(server.rows("app_user")).isEqualTo(users);
        assertThat(server.rows("user_session")).isEqualTo(sessions);
    }

    @Test
    void aUserWeChatBlocksGets403AndNoSession() { // B4
        long sessions = server.rows("user_session");

        HttpResponse<String> login = server.login(server.wxLogin("risky"));

        assertThat(login.statusCode()).isEqualTo(403);
        assertThat(problemCode(login)).isEqualTo("user_blocked");
        assertThat(server.rows("user_session")).isEqualTo(sessions);
    }

    @Test
    void aWrongAppSecretIsTheOperatorsProblemAndIsNeverEchoed(@TempDir Path otherData) {
        try (WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().build()).start();
             TestServer misconfigured = TestServer.start(otherData, Map.of(
                     "WXLOGIN_APP_ID", "wxsandbox00000001",
                     "WXLOGIN_APP_SECRET", "wrong-secret",
                     "WXLOGIN_SANDBOX", "false",
                     "WXLOGIN_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                     "WXLOGIN_WECHAT_URL", wechat.baseUrl().toString()))) {
            String code = wechat.wxLogin(wechat.miniPrograms().getFirst().appId(), "alice").value();

            HttpResponse<String> login = misconfigured.login(code);

            assertThat(login.statusCode()).isEqualTo(502);
            assertThat(problemCode(login)).isEqualTo("upstream_misconfigured");
            assertThat(login.body()).doesNotContain("wrong-secret").doesNotContain(code);
            assertThat(wechat.exchangeCalls()).as("a credentials error is not retried").isEqualTo(1);
        }
    }

    /**
     * The breaker opens after 20 failed exchanges in its 30 s window (each a quick 502 here, so no retries and
     * no waits), then fails logins at once without calling WeChat, while existing sessions and readiness carry on.
     */
    @Test
    void whileWeChatIsDownTheBreakerOpensLoginsFailFastAndSessionsStillWork(@TempDir Path otherData) {
        try (TestServer fresh = TestServer.start(otherData)) {
            String token = fresh.tokenFor("alice");
            fresh.sandbox().faults().badGateway(true);

            int failedLogins = 0;
            while (!wechatState(fresh).equals("OPEN") && failedLogins < 25) {
                assertThat(fresh.login(fresh.wxLogin("breaker-" + failedLogins)).statusCode()).isEqualTo(503);
                failedLogins++;
            }
            assertThat(wechatState(fresh)).isEqualTo("OPEN");
            assertThat(failedLogins).as("20 calls in the window: alice's success and 19 failures").isEqualTo(19);

            long before = fresh.sandbox().exchangeCalls();
            HttpResponse<String> login = fresh.login(fresh.wxLogin("while-open"));
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(problemCode(login)).isEqualTo("upstream_unavailable");
            assertThat(login.headers().firstValue("Retry-After")).as("what is left of the 30 s open time")
                    .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 30));
            assertThat(fresh.sandbox().exchangeCalls()).as("no call reaches WeChat while open").isEqualTo(before);

            assertThat(fresh.get("/ready").statusCode()).as("WeChat is reported, not required").isEqualTo(200);
            assertThat(fresh.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        }
    }

    /**
     * F9: with WeChat slow, concurrent logins wait for it (the bulkhead, 1000 by default, is sized above ordinary
     * load; its refusals are proven in the WeChat adapter's tests), and the server keeps answering everything else.
     */
    @Test
    void whileWeChatIsSlowConcurrentLoginsWaitForItAndTheServerStaysResponsive(@TempDir Path otherData)
            throws Exception {
        try (TestServer fresh = TestServer.start(otherData);
             ExecutorService phones = Executors.newFixedThreadPool(55)) {
            String token = fresh.tokenFor("alice");
            fresh.sandbox().faults().latency(Duration.ofSeconds(1));
            List<String> codes = IntStream.range(0, 55).mapToObj(i -> fresh.wxLogin("slow-" + i)).toList();
            long before = fresh.sandbox().exchangeCalls();
            CountDownLatch go = new CountDownLatch(1);

            List<Future<HttpResponse<String>>> logins = codes.stream()
                    .map(code -> phones.submit(() -> {
                        go.await();
                        return fresh.login(code);
                    }))
                    .toList();
            go.countDown();
            awaitUntil(() -> fresh.sandbox().exchangeCalls() - before >= 55);

            assertThat(fresh.get("/health").statusCode()).isEqualTo(200);
            assertThat(fresh.get("/api/v1/me", token).statusCode()).isEqualTo(200);
            Map<String, Long> outcomes = new TreeMap<>();
            for (Future<HttpResponse<String>> login : logins) {
                HttpResponse<String> response = login.get(30, TimeUnit.SECONDS);
                String outcome = response.statusCode() == 200 ? "200" : response.statusCode() + " " + problemCode(response);
                outcomes.merge(outcome, 1L, Long::sum);
            }
            assertThat(outcomes).isEqualTo(Map.of("200", 55L));
            assertThat(fresh.sandbox().exchangeCalls() - before).isEqualTo(55);
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }

    private static String wechatState(TestServer server) {
        HttpResponse<String> ready = server.get("/ready");
        return read(ready.body()).path("checks").path("wechat").asText();
    }

    /** What a mini program team's own CI would set to rehearse WeChat's per-user quota. */
    @Test
    void aStandingFaultFromTheSettingsReachesEveryLogin(@TempDir Path otherData) {
        try (TestServer rehearsal = TestServer.start(otherData, Map.of("WXLOGIN_SANDBOX_FAULTS", "quota_exceeded"))) {
            HttpResponse<String> login = rehearsal.login(rehearsal.wxLogin("erin"));

            assertThat(login.statusCode()).isEqualTo(429);
            assertThat(problemCode(login)).isEqualTo("upstream_rate_limited");
        }
    }
}

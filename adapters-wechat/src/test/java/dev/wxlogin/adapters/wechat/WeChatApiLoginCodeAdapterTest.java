package dev.wxlogin.adapters.wechat;

import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.adapters.wechat.testing.CapturedLogs;
import dev.wxlogin.adapters.wechat.testing.FixtureServer;
import dev.wxlogin.domain.fakes.MutableClock;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.wxlogin.domain.error.UpstreamFailure.Kind.BUSY;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.MISCONFIGURED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.RATE_LIMITED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.REFUSED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class WeChatApiLoginCodeAdapterTest {
    private static final WeChatApiSettings.Retry FAST_RETRY =
            new WeChatApiSettings.Retry(2, Duration.ofMillis(1), Duration.ofMillis(1));
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration NORMAL_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private final CapturedLogs logs = new CapturedLogs();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        logs.close();
    }

    private <T extends AutoCloseable> T closedAfterTest(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private WeChatApiLoginCodeAdapter adapter(URI baseUrl, Duration requestTimeout, MiniProgram... miniPrograms) {
        return adapter(baseUrl, requestTimeout, WeChatApiSettings.DEFAULT_TOTAL_TIMEOUT, miniPrograms);
    }

    /** Connects within {@link #CONNECT_TIMEOUT}, which is also the least time a retry must have left. */
    private WeChatApiLoginCodeAdapter adapter(URI baseUrl, Duration requestTimeout, Duration totalTimeout,
                                              MiniProgram... miniPrograms) {
        return closedAfterTest(new WeChatApiLoginCodeAdapter(new WeChatApiSettings(
                baseUrl, List.of(miniPrograms), CONNECT_TIMEOUT, requestTimeout, totalTimeout, FAST_RETRY,
                WeChatApiSettings.Breaker.DEFAULT, WeChatApiSettings.Bulkhead.DEFAULT)));
    }

    /**
     * Runs an exchange that must fail with {@code type}, and proves that none of {@code secrets} leaked into
     * the exception (message, toString, causes) or into anything logged so far.
     */
    private <T extends DomainException> T failure(Class<T> type, ThrowingCallable exchange, String... secrets) {
        Throwable thrown = catchThrowable(exchange);
        assertThat(thrown).isInstanceOf(type);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(secrets);
            assertThat(t.toString()).doesNotContain(secrets);
        }
        assertThat(logs.text()).doesNotContain(secrets).doesNotContain("secret=", "js_code=");
        return type.cast(thrown);
    }

    private List<String> errorLines() {
        return logs.lines().stream().filter(line -> line.startsWith("ERROR")).toList();
    }

    @Nested
    class AgainstTheSandbox {
        private static final SandboxApp BOUND =
                new SandboxApp(new AppId("wxboundtest000001"), new AppSecret("bound-secret-8c1f2e"), true);
        private static final SandboxApp UNBOUND =
                new SandboxApp(new AppId("wxunboundtest0001"), new AppSecret("unbound-secret-57d3a0"), false);

        private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        private final WeChatSandbox sandbox = sandbox(SandboxSettings.TEXT_PLAIN);
        private final WeChatApiLoginCodeAdapter adapter =
                adapter(sandbox.baseUrl(), NORMAL_TIMEOUT, BOUND.miniProgram(), UNBOUND.miniProgram());

        private WeChatSandbox sandbox(String contentType) {
            return closedAfterTest(new WeChatSandbox(SandboxSettings.builder()
                    .apps(List.of(BOUND, UNBOUND))
                    .clock(clock)
                    .contentType(contentType)
                    .minuteQuotaPerOpenId(3)
                    .build()).start());
        }

        private <T extends DomainException> T failure(Class<T> type, SandboxApp app, LoginCode code) {
            return WeChatApiLoginCodeAdapterTest.this.failure(
                    type, () -> adapter.exchange(app.appId(), code), app.secret().value(), code.value());
        }

        @ParameterizedTest
        @ValueSource(strings = {SandboxSettings.TEXT_PLAIN, SandboxSettings.APPLICATION_JSON})
        void identifiesAUserWithUnionIdWhateverTheContentType(String contentType) {
            WeChatSandbox labelled = sandbox(contentType);
            WeChatApiLoginCodeAdapter client = adapter(labelled.baseUrl(), NORMAL_TIMEOUT, BOUND.miniProgram());

            WeChatIdentity first = client.exchange(BOUND.appId(), labelled.wxLogin(BOUND.appId(), "alice"));
            WeChatIdentity again = client.exchange(BOUND.appId(), labelled.wxLogin(BOUND.appId(), "alice"));

            assertThat(first.openId().value()).matches("o[A-Za-z0-9_-]{27}");
            assertThat(first.unionId()).isPresent();
            assertThat(first.sessionKey().value()).hasSize(24);
            assertThat(again.openId()).isEqualTo(first.openId());
            assertThat(again.unionId()).isEqualTo(first.unionId());
            assertThat(labelled.exchangeCalls()).isEqualTo(2);
        }

        @Test
        void identifiesAUserWithoutUnionIdWhenTheAppIsNotBoundToTheOpenPlatform() {
            WeChatIdentity identity = adapter.exchange(UNBOUND.appId(), sandbox.wxLogin(UNBOUND.appId(), "alice"));

            assertThat(identity.openId().value()).startsWith("o");
            assertThat(identity.unionId()).isEmpty();
        }

        @Test
        void rejectsAGarbageCode() {
            LoginRejected rejected = failure(LoginRejected.class, BOUND, new LoginCode("not-a-code-from-wx-login"));

            assertThat(rejected.reason()).isEqualTo(LoginRejected.Reason.INVALID_CODE);
        }

        @Test
        void rejectsAnExpiredCode() {
            LoginCode code = sandbox.wxLogin(BOUND.appId(), "alice");
            clock.advance(Duration.ofMinutes(5));

            assertThat(failure(LoginRejected.class, BOUND, code).reason()).isEqualTo(LoginRejected.Reason.INVALID_CODE);
        }

        @Test
        void rejectsACodeIssuedForAnotherApp() {
            LoginCode forUnbound = sandbox.wxLogin(UNBOUND.appId(), "alice");

            assertThat(failure(LoginRejected.class, BOUND, forUnbound).reason())
                    .isEqualTo(LoginRejected.Reason.INVALID_CODE);
        }

        @Test
        void rejectsACodeUsedBefore() {
            LoginCode code = sandbox.wxLogin(BOUND.appId(), "alice");
            adapter.exchange(BOUND.appId(), code);

            assertThat(failure(LoginRejected.class, BOUND, code).reason()).isEqualTo(LoginRejected.Reason.CODE_USED);
        }

        @Test
        void rejectsARiskyUser() {
            LoginCode code = sandbox.wxLogin(BOUND.appId(), "risky");

            assertThat(failure(LoginRejected.class, BOUND, code).reason()).isEqualTo(LoginRejected.Reason.USER_BLOCKED);
        }

        @Test
        void reportsTheMinuteQuotaWithoutRetrying() {
            for (int i = 0; i < 3; i++) {
                adapter.exchange(BOUND.appId(), sandbox.wxLogin(BOUND.appId(), "busy-bee"));
            }

            UpstreamFailure limited = failure(UpstreamFailure.class, BOUND, sandbox.wxLogin(BOUND.appId(), "busy-bee"));

            assertThat(limited.kind()).isEqualTo(RATE_LIMITED);
            assertThat(limited.retryAfter()).contains(Duration.ofSeconds(60));
            assertThat(sandbox.exchangeCalls()).isEqualTo(4);
        }

        @Test
        void reportsAWrongSecretAsMisconfigurationAndLogsWhichApp() {
            AppSecret wrong = new AppSecret("wrong-secret-3b9e71");
            WeChatApiLoginCodeAdapter misconfigured =
                    adapter(sandbox.baseUrl(), NORMAL_TIMEOUT, new MiniProgram(BOUND.appId(), wrong));
            LoginCode code = sandbox.wxLogin(BOUND.appId(), "alice");

            UpstreamFailure failure = WeChatApiLoginCodeAdapterTest.this.failure(UpstreamFailure.class,
                    () -> misconfigured.exchange(BOUND.appId(), code), wrong.value(), code.value());

            assertThat(failure.kind()).isEqualTo(MISCONFIGURED);
            assertThat(failure.getMessage()).contains("AppID/AppSecret configuration");
            assertThat(errorLines()).singleElement().satisfies(line ->
                    assertThat(line).contains("40125", BOUND.appId().value()));
            assertThat(sandbox.exchangeCalls()).isEqualTo(1);
        }

        @Test
        void reportsAnAppIdUnknownToWeChatAsMisconfiguration() {
            MiniProgram unknown = new MiniProgram(new AppId("wxnotknownbywechat"), new AppSecret("unknown-secret-9d2c"));
            WeChatApiLoginCodeAdapter misconfigured = adapter(sandbox.baseUrl(), NORMAL_TIMEOUT, unknown);
            LoginCode code = new LoginCode("some-code-for-nobody");

            UpstreamFailure failure = WeChatApiLoginCodeAdapterTest.this.failure(UpstreamFailure.class,
                    () -> misconfigured.exchange(unknown.appId(), code), unknown.secret().value(), code.value());

            assertThat(failure.kind()).isEqualTo(MISCONFIGURED);
            assertThat(errorLines()).singleElement().satisfies(line -> assertThat(line).contains("40013"));
        }

        @Test
        void refusesAnAppIdItHasNoCredentialsForWithoutCallingWeChat() {
            AppId stranger = new AppId("wxstranger0000001");

            WeChatApiLoginCodeAdapterTest.this.failure(InvalidInput.class,
                    () -> adapter.exchange(stranger, new LoginCode("any-code-at-all")), "any-code-at-all");

            assertThat(sandbox.exchangeCalls()).isZero();
        }

        @Test
        void retriesSystemBusyAndSucceedsWithTheSameCode() {
            sandbox.faults().busyForNext(1);

            WeChatIdentity identity = adapter.exchange(BOUND.appId(), sandbox.wxLogin(BOUND.appId(), "alice"));

            assertThat(identity.unionId()).isPresent();
            assertThat(sandbox.exchangeCalls()).isEqualTo(2);
            assertThat(logs.lines()).anySatisfy(line -> assertThat(line).startsWith("DEBUG")
                            .contains("appid=" + BOUND.appId().value(), "attempt=1", "errcode -1", "elapsedMs="))
                    .anySatisfy(line -> assertThat(line).contains("attempt=2", "identified"));
        }

        @Test
        void reportsBusyAfterTwoRetries() {
            sandbox.faults().busyRate(1.0);

            UpstreamFailure busy = failure(UpstreamFailure.class, BOUND, sandbox.wxLogin(BOUND.appId(), "alice"));

            assertThat(busy.kind()).isEqualTo(BUSY);
            assertThat(busy.retryAfter()).hasValueSatisfying(after -> assertThat(after).isPositive());
            assertThat(sandbox.exchangeCalls()).isEqualTo(3);
        }

        @Test
        void retriesSystemBusyOnlyWhileTheTotalTimeoutLeavesTheRetryTimeToConnect() {
            // Each -1 takes 800 ms. After the first, about 1.8 s of the 2.6 s are left, more than the connect
            // timeout a retry needs; after the second, less than 1 s is.
            sandbox.faults().busyRate(1.0).latency(Duration.ofMillis(800));
            WeChatApiLoginCodeAdapter impatient =
                    adapter(sandbox.baseUrl(), Duration.ofMillis(1500), Duration.ofMillis(2600), BOUND.miniProgram());
            LoginCode code = sandbox.wxLogin(BOUND.appId(), "alice");

            UpstreamFailure busy = WeChatApiLoginCodeAdapterTest.this.failure(UpstreamFailure.class,
                    () -> impatient.exchange(BOUND.appId(), code), BOUND.secret().value(), code.value());

            assertThat(busy.kind()).isEqualTo(BUSY);
            assertThat(sandbox.exchangeCalls()).as("fewer than the 3 attempts maxRetries allows").isEqualTo(2);
        }

        @Test
        void doesNotRetryABadGateway() {
            sandbox.faults().badGateway(true);

            UpstreamFailure failure = failure(UpstreamFailure.class, BOUND, sandbox.wxLogin(BOUND.appId(), "alice"));

            assertThat(failure.kind()).isEqualTo(UNAVAILABLE);
            assertThat(sandbox.exchangeCalls()).isEqualTo(1);
        }
    }

    @Nested
    class AgainstMisbehavingPeers {
        private static final MiniProgram APP =
                new MiniProgram(new AppId("wxfixture00000001"), new AppSecret("fixture-secret-d41d8cd9"));
        private static final LoginCode CODE = new LoginCode("fixture-code-0a1b2c3d4e5f");
        private static final String IDENTITY = """
                {"session_key":"nzoqhc3OnwHzeTxJs+inbQ==","openid":"oVBkZ0aYgDMDIywRdgPW8-joxXc4"}""";

        private FixtureServer fixture(int status, String contentType, String body) {
            return closedAfterTest(FixtureServer.answering(status, contentType, body));
        }

        private FixtureServer wechatAnswering(String body) {
            return fixture(200, "text/plain", body);
        }

        private <T extends DomainException> T failure(Class<T> type, FixtureServer peer, Duration requestTimeout) {
            WeChatApiLoginCodeAdapter client = adapter(peer.baseUrl(), requestTimeout, APP);
            return WeChatApiLoginCodeAdapterTest.this.failure(
                    type, () -> client.exchange(APP.appId(), CODE), APP.secret().value(), CODE.value());
        }

        private UpstreamFailure upstreamFailure(FixtureServer peer) {
            return failure(UpstreamFailure.class, peer, NORMAL_TIMEOUT);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
                "502 | text/html        | <html><head><title>502 Bad Gateway</title></head></html>",
                "503 | text/plain       | {}",
                "500 | text/plain       | {\"errcode\":0,\"errmsg\":\"ok\"}",
                "502 | text/plain       | {\"errcode\":\"-1\",\"errmsg\":\"system error\"}",
                "500 | text/plain       | {\"openid\":\"oVBkZ0aYgDMDIywRdgPW8-joxXc4\",\"session_key\":\"nzoqhc3OnwHzeTxJs+inbQ==\"}",
                "200 | text/plain       | {\"openid\":",
                "200 | text/plain       | {}",
                "200 | text/plain       | ''",
                "200 | text/plain       | []",
                "200 | text/html        | <html><body>WeChat</body></html>",
                "200 | text/plain       | {\"session_key\":\"nzoqhc3OnwHzeTxJs+inbQ==\"}",
                "200 | text/plain       | {\"openid\":\"oVBkZ0aYgDMDIywRdgPW8\"}",
                "200 | text/plain       | {\"openid\":\"not an openid!\",\"session_key\":\"nzoqhc3OnwHzeTxJs+inbQ==\"}",
                "200 | text/plain       | {\"openid\":\"\",\"session_key\":\"\"}",
                "200 | text/plain       | {\"errcode\":\"40029\",\"errmsg\":\"invalid code\"}",
                "200 | text/plain       | {\"openid\":\"oVBkZ0aYgDMDIywRdgPW8\",\"session_key\":\"k\"} trailing",
        })
        void reportsAnAnswerThatIsNotACode2SessionResultAsUnavailableWithoutRetrying(
                int status, String contentType, String body) {
            FixtureServer peer = fixture(status, contentType, body);

            assertThat(upstreamFailure(peer).kind()).isEqualTo(UNAVAILABLE);
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        void readsAnAnswerAsLargeAsTheCap() {
            FixtureServer peer = wechatAnswering(paddedTo(WeChatHttpClient.MAX_ANSWER_BYTES, IDENTITY));

            WeChatIdentity identity = adapter(peer.baseUrl(), NORMAL_TIMEOUT, APP).exchange(APP.appId(), CODE);

            assertThat(identity.openId().value()).isEqualTo("oVBkZ0aYgDMDIywRdgPW8-joxXc4");
        }

        @ParameterizedTest
        @ValueSource(ints = {WeChatHttpClient.MAX_ANSWER_BYTES + 1, 1024 * 1024})
        void reportsAnAnswerOverTheCapAsUnavailableWithoutRetrying(int bytes) {
            FixtureServer peer = wechatAnswering(paddedTo(bytes, IDENTITY));

            assertThat(upstreamFailure(peer).kind()).isEqualTo(UNAVAILABLE);
            assertThat(logs.text()).contains("answer body over " + WeChatHttpClient.MAX_ANSWER_BYTES + " bytes");
            assertThat(peer.requests()).hasSize(1);
        }

        /** The JSON (ASCII here) followed by spaces, which JSON allows, up to {@code bytes}. */
        private static String paddedTo(int bytes, String json) {
            return json + " ".repeat(bytes - json.length());
        }

        @ParameterizedTest
        @CsvSource({"40029, INVALID_CODE", "41008, INVALID_CODE", "40163, CODE_USED", "40226, USER_BLOCKED"})
        void rejectsTheLoginOnCodeAndUserErrcodesWithoutRetrying(int errcode, LoginRejected.Reason reason) {
            FixtureServer peer = wechatAnswering("{\"errcode\":" + errcode + ",\"errmsg\":\"no rid: 66b5fb8f-5e3c0071-3d7f539a\"}");

            assertThat(failure(LoginRejected.class, peer, NORMAL_TIMEOUT).reason()).isEqualTo(reason);
            assertThat(peer.requests()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(ints = {40013, 40125, 41002, 41004, 40164, 40243, 40002})
        void reportsCredentialErrcodesAsMisconfigurationWithoutRetrying(int errcode) {
            FixtureServer peer = wechatAnswering("{\"errcode\":" + errcode + ",\"errmsg\":\"bad rid: 66b5fb8f-5e3c0071-3d7f539a\"}");

            UpstreamFailure failure = upstreamFailure(peer);

            assertThat(failure.kind()).isEqualTo(MISCONFIGURED);
            assertThat(failure.retryAfter()).isEmpty();
            assertThat(errorLines()).singleElement().satisfies(line -> assertThat(line)
                    .contains(String.valueOf(errcode), APP.appId().value(), "rid: 66b5fb8f"));
            assertThat(peer.requests()).hasSize(1);
        }

        /** WeChat's errcode is its answer whatever the status line: a proxy or WeChat itself may use one. */
        @ParameterizedTest
        @CsvSource({"503, text/plain", "500, application/json", "502, text/html"})
        void readsABusyErrcodeAsBusyWhateverTheHttpStatusAndRetriesIt(int status, String contentType) {
            FixtureServer peer = fixture(status, contentType, "{\"errcode\":-1,\"errmsg\":\"system error\"}");

            UpstreamFailure busy = upstreamFailure(peer);

            assertThat(busy.kind()).isEqualTo(BUSY);
            assertThat(busy.retryAfter()).isPresent();
            assertThat(peer.requests()).as("tried three times").hasSize(3);
        }

        @ParameterizedTest
        @CsvSource({"400, 40029, INVALID_CODE", "403, 40163, CODE_USED", "500, 40226, USER_BLOCKED"})
        void readsACodeErrcodeWhateverTheHttpStatus(int status, int errcode, LoginRejected.Reason reason) {
            FixtureServer peer = fixture(status, "text/plain", "{\"errcode\":" + errcode + ",\"errmsg\":\"no\"}");

            assertThat(failure(LoginRejected.class, peer, NORMAL_TIMEOUT).reason()).isEqualTo(reason);
            assertThat(peer.requests()).hasSize(1);
        }

        @ParameterizedTest
        @CsvSource({"200, 99999", "503, 61000", "200, 40001"})
        void reportsAnErrcodeItDoesNotKnowAsARefusalAtWarnWithoutRetryingAndKeepsTheCodeClaimed(int status, int errcode) {
            FixtureServer peer = fixture(status, "text/plain",
                    "{\"errcode\":" + errcode + ",\"errmsg\":\"something new rid: 66b5fb8f-5e3c0071-3d7f539a\"}");

            UpstreamFailure refused = upstreamFailure(peer);

            assertThat(refused.kind()).isEqualTo(REFUSED);
            assertThat(refused.getMessage()).contains(String.valueOf(errcode), "wx.login()");
            assertThat(refused.retryAfter()).isEmpty();
            assertThat(refused.codeUnspent()).as("nobody knows whether WeChat took the code").isFalse();
            assertThat(peer.requests()).hasSize(1);
            assertThat(logs.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().satisfies(line ->
                    assertThat(line).contains("errcode " + errcode, APP.appId().value(), "rid: 66b5fb8f")
                            .doesNotContain(peer.baseUrl().toString(), "jscode2session"));
            assertThat(errorLines()).isEmpty();
        }

        @Test
        void reportsTheMinuteQuotaWithRetryAfterOneMinute() {
            FixtureServer peer = wechatAnswering("{\"errcode\":45011,\"errmsg\":\"api minute-quota reach limit\"}");

            UpstreamFailure failure = upstreamFailure(peer);

            assertThat(failure.kind()).isEqualTo(RATE_LIMITED);
            assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        void takesErrcodeZeroAsSuccess() {
            FixtureServer peer = wechatAnswering("""
                    {"errcode":0,"errmsg":"ok","openid":"oVBkZ0aYgDMDIywRdgPW8-joxXc4","session_key":"nzoqhc3OnwHzeTxJs+inbQ==","unionid":""}""");

            WeChatIdentity identity = adapter(peer.baseUrl(), NORMAL_TIMEOUT, APP).exchange(APP.appId(), CODE);

            assertThat(identity.openId().value()).isEqualTo("oVBkZ0aYgDMDIywRdgPW8-joxXc4");
            assertThat(identity.sessionKey().value()).isEqualTo("nzoqhc3OnwHzeTxJs+inbQ==");
            assertThat(identity.unionId()).as("an empty unionid is no unionid").isEmpty();
        }

        @Test
        void decodesUtf8WhateverTheContentTypeSays() {
            FixtureServer peer = wechatAnswering("""
                    {"errcode":40164,"errmsg":"IP地址不在白名单中 invalid ip 1.2.3.4, not in whitelist rid: 66b5fb8f-5e3c0071-3d7f539a"}""");

            assertThat(upstreamFailure(peer).kind()).isEqualTo(MISCONFIGURED);
            assertThat(logs.text()).contains("IP地址不在白名单中 invalid ip 1.2.3.4");
        }

        @Test
        void blanksOutTheSecretAndTheCodeShouldWeChatEverEchoThem() {
            FixtureServer peer = wechatAnswering("{\"errcode\":40125,\"errmsg\":\"invalid appsecret "
                    + APP.secret().value() + " for code " + CODE.value() + "\\nforged: line\"}");

            upstreamFailure(peer);

            assertThat(errorLines()).singleElement().satisfies(line ->
                    assertThat(line).contains("invalid appsecret [redacted] for code [redacted] forged: line"));
        }

        @Test
        void sendsTheCredentialsUrlEncodedBelowTheBaseUrlsPath() {
            FixtureServer peer = wechatAnswering(IDENTITY);
            MiniProgram app = new MiniProgram(new AppId("wx_app-1"), new AppSecret("s&cret=+/%?#"));
            LoginCode code = new LoginCode("c0de+/=&?#%");

            adapter(peer.baseUrl().resolve("/proxied/wechat/"), NORMAL_TIMEOUT, app).exchange(app.appId(), code);

            URI request = peer.requests().getFirst();
            assertThat(request.getPath()).isEqualTo("/proxied/wechat/sns/jscode2session");
            assertThat(queryOf(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "appid", "wx_app-1", "secret", "s&cret=+/%?#", "js_code", "c0de+/=&?#%",
                    "grant_type", "authorization_code"));
        }

        @Test
        void givesUpOnAPeerThatNeverAnswersWithoutRetrying() {
            FixtureServer peer = closedAfterTest(FixtureServer.hanging());

            UpstreamFailure failure = failure(UpstreamFailure.class, peer, SHORT_TIMEOUT);

            assertThat(failure.kind()).isEqualTo(UNAVAILABLE);
            assertThat(failure.getMessage()).contains("wx.login()");
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        @Timeout(5) // a safety net only: the outcome is what is asserted
        void cutsTheAttemptShortAtTheTotalTimeoutWhenTheRequestTimeoutIsLonger() {
            FixtureServer peer = closedAfterTest(FixtureServer.hanging());
            WeChatApiLoginCodeAdapter client = adapter(peer.baseUrl(), Duration.ofSeconds(2), Duration.ofMillis(300), APP);

            UpstreamFailure failure = WeChatApiLoginCodeAdapterTest.this.failure(UpstreamFailure.class,
                    () -> client.exchange(APP.appId(), CODE), APP.secret().value(), CODE.value());

            assertThat(failure.kind()).isEqualTo(UNAVAILABLE);
            assertThat(failure.getMessage()).contains("wx.login()");
            assertThat(peer.requests()).hasSize(1);
            assertThat(logs.lines()).filteredOn(line -> line.contains("unanswered: no complete answer within"))
                    .singleElement().satisfies(line -> assertThat(
                            Long.parseLong(line.replaceAll(".*within (\\d+) ms.*", "$1"))).isLessThanOrEqualTo(300));
        }

        @Test
        void givesUpOnAPeerThatStallsAfterTheHeadersWithoutRetrying() {
            FixtureServer peer = closedAfterTest(FixtureServer.stallingAfterHeaders());

            UpstreamFailure failure = failure(UpstreamFailure.class, peer, SHORT_TIMEOUT);

            assertThat(failure.kind()).isEqualTo(UNAVAILABLE);
            assertThat(peer.requests()).hasSize(1);
        }

        @Test
        void retriesARefusedConnectionThenReportsUnavailable() throws IOException {
            URI closedPort = URI.create("http://127.0.0.1:" + freePort());
            WeChatApiLoginCodeAdapter client = adapter(closedPort, NORMAL_TIMEOUT, APP);

            UpstreamFailure failure = WeChatApiLoginCodeAdapterTest.this.failure(UpstreamFailure.class,
                    () -> client.exchange(APP.appId(), CODE), APP.secret().value(), CODE.value());

            assertThat(failure.kind()).isEqualTo(UNAVAILABLE);
            assertThat(logs.lines()).filteredOn(line -> line.contains("not sent: ConnectException"))
                    .extracting(line -> line.replaceAll(".*(attempt=\\d).*", "$1"))
                    .containsExactly("attempt=1", "attempt=2", "attempt=3");
        }

        @Test
        void doesNotRetryARefusedConnectionWhenTheTotalTimeoutLeavesNoTimeToConnectAgain() throws IOException {
            URI closedPort = URI.create("http://127.0.0.1:" + freePort());
            Duration lessThanTheConnectTimeout = CONNECT_TIMEOUT.minusMillis(100);
            WeChatApiLoginCodeAdapter client = adapter(closedPort, NORMAL_TIMEOUT, lessThanTheConnectTimeout, APP);

            UpstreamFailure failure = WeChatApiLoginCodeAdapterTest.this.failure(UpstreamFailure.class,
                    () -> client.exchange(APP.appId(), CODE), APP.secret().value(), CODE.value());

            assertThat(failure.kind()).isEqualTo(UNAVAILABLE);
            assertThat(failure.getMessage()).as("the last attempt's failure").isEqualTo("WeChat could not be reached");
            assertThat(failure.codeUnspent()).as("nothing was sent").isTrue();
            assertThat(logs.lines()).filteredOn(line -> line.contains("not sent: ConnectException"))
                    .extracting(line -> line.replaceAll(".*(attempt=\\d).*", "$1"))
                    .containsExactly("attempt=1");
        }

        private static int freePort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }

        private static Map<String, String> queryOf(URI request) {
            return Arrays.stream(request.getRawQuery().split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.toMap(
                            pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                            pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
        }
    }
}

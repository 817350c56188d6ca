package dev.wxlogin.adapters.wechat;

import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.adapters.wechat.testing.CapturedLogs;
import dev.wxlogin.adapters.wechat.testing.FixtureServer;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.port.out.ForFetchingAccessTokens.FetchedAccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.wxlogin.domain.error.UpstreamFailure.Kind.MISCONFIGURED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.RATE_LIMITED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WeChatApiAccessTokenAdapterTest {
    private static final MiniProgram APP = SandboxSettings.DEFAULT_APP.miniProgram();
    private static final AppId APP_ID = APP.appId();

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

    private WeChatApiAccessTokenAdapter adapter(URI baseUrl, AccessTokenEndpoint endpoint, MiniProgram app) {
        return closedAfterTest(new WeChatApiAccessTokenAdapter(WeChatApiSettings.of(baseUrl, List.of(app)), endpoint));
    }

    private WeChatSandbox sandbox() {
        return closedAfterTest(new WeChatSandbox(SandboxSettings.builder().build()).start());
    }

    @Test
    void stableTokenGivesTheSameTokenAndForceRefreshANewOneTheSandboxAccepts() {
        WeChatSandbox wechat = sandbox();
        WeChatApiAccessTokenAdapter tokens = adapter(wechat.baseUrl(), AccessTokenEndpoint.STABLE, APP);

        FetchedAccessToken first = tokens.fetch(APP_ID, false);
        FetchedAccessToken again = tokens.fetch(APP_ID, false);
        FetchedAccessToken forced = tokens.fetch(APP_ID, true);

        assertThat(again.token()).isEqualTo(first.token());
        assertThat(first.expiresIn()).isEqualTo(Duration.ofSeconds(7200));
        assertThat(forced.token()).isNotEqualTo(first.token());
        assertThat(wechat.acceptsAccessToken(APP_ID, first.token().value())).isFalse();
        assertThat(wechat.acceptsAccessToken(APP_ID, forced.token().value())).isTrue();
        assertThat(wechat.accessTokenFetches()).isEqualTo(3);
    }

    @Test
    void theClassicApiGivesANewTokenEachCall() {
        WeChatSandbox wechat = sandbox();
        WeChatApiAccessTokenAdapter tokens = adapter(wechat.baseUrl(), AccessTokenEndpoint.CLASSIC, APP);

        FetchedAccessToken first = tokens.fetch(APP_ID, false);

        assertThat(tokens.fetch(APP_ID, false).token()).isNotEqualTo(first.token());
        assertThat(wechat.acceptsAccessToken(APP_ID, first.token().value())).isTrue(); // for 5 more minutes
    }

    @Test
    void stableTokenSendsTheSecretInAJsonBodyAndNeverInTheUrl() {
        FixtureServer peer = closedAfterTest(FixtureServer.answering(200, "text/plain",
                "{\"access_token\":\"a-token\",\"expires_in\":7200}"));

        adapter(peer.baseUrl(), AccessTokenEndpoint.STABLE, APP).fetch(APP_ID, true);

        FixtureServer.Received request = peer.received().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.uri().toString()).isEqualTo("/cgi-bin/stable_token").doesNotContain(APP.secret().value());
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).isEqualTo("{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID.value()
                + "\",\"secret\":\"" + APP.secret().value() + "\",\"force_refresh\":true}");
    }

    @ParameterizedTest
    @ValueSource(ints = {40001, 40013, 40125, 40164, 40243})
    void credentialAndIpErrcodesAreMisconfigurationLoggedAsErrorsWithTheErrcodeButNoSecret(int errcode) {
        FixtureServer peer = closedAfterTest(FixtureServer.answering(200, "text/plain", "{\"errcode\":" + errcode
                + ",\"errmsg\":\"refused rid: 66b5fb8f-5e3c0071-3d7f539a\"}"));

        UpstreamFailure failure = catchThrowableOfType(UpstreamFailure.class,
                () -> adapter(peer.baseUrl(), AccessTokenEndpoint.STABLE, APP).fetch(APP_ID, false));

        assertThat(failure.kind()).isEqualTo(MISCONFIGURED);
        assertThat(failure.getMessage()).contains("errcode " + errcode);
        assertThat(logs.lines()).anyMatch(line -> line.startsWith("ERROR") && line.contains(APP_ID.value())
                && line.contains("errcode " + errcode));
        assertThat(logs.text()).doesNotContain(APP.secret().value());
        assertThat(peer.requests()).hasSize(1);
    }

    @Test
    void theDailyQuotaIsRateLimitedWithoutRetrying() {
        FixtureServer peer = closedAfterTest(FixtureServer.answering(200, "text/plain",
                "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit rid: 66b5fb8f-5e3c0071-3d7f539a\"}"));

        UpstreamFailure failure = catchThrowableOfType(UpstreamFailure.class,
                () -> adapter(peer.baseUrl(), AccessTokenEndpoint.CLASSIC, APP).fetch(APP_ID, false));

        assertThat(failure.kind()).isEqualTo(RATE_LIMITED);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(60));
        assertThat(peer.requests()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"expires_in\":7200}", "{\"access_token\":\"t\"}", "{\"access_token\":\"\",\"expires_in\":7200}",
            "{\"access_token\":\"t\",\"expires_in\":0}", "{\"access_token\":\"t\",\"expires_in\":\"7200\"}",
            "{\"access_token\":7,\"expires_in\":7200}"})
    void anAnswerWithoutAUsableTokenIsUnavailable(String body) {
        FixtureServer peer = closedAfterTest(FixtureServer.answering(200, "text/plain", body));

        UpstreamFailure failure = catchThrowableOfType(UpstreamFailure.class,
                () -> adapter(peer.baseUrl(), AccessTokenEndpoint.STABLE, APP).fetch(APP_ID, false));

        assertThat(failure.kind()).isEqualTo(UNAVAILABLE);
    }

    @Test
    void aTokenLongerThanWeChatPromisesIsUnavailable() {
        FixtureServer peer = closedAfterTest(FixtureServer.answering(200, "text/plain",
                "{\"access_token\":\"" + "T".repeat(513) + "\",\"expires_in\":7200}"));

        assertThat(catchThrowableOfType(UpstreamFailure.class,
                () -> adapter(peer.baseUrl(), AccessTokenEndpoint.STABLE, APP).fetch(APP_ID, false)).kind())
                .isEqualTo(UNAVAILABLE);
    }

    @Test
    void anAppIdWithoutASecretIsRefusedWithoutCallingWeChat() {
        WeChatSandbox wechat = sandbox();

        assertThat(catchThrowableOfType(InvalidInput.class, () -> adapter(wechat.baseUrl(), AccessTokenEndpoint.STABLE,
                new MiniProgram(new AppId("wxother0000000001"), new AppSecret("s"))).fetch(APP_ID, false)))
                .hasMessageContaining(APP_ID.value());
        assertThat(wechat.accessTokenFetches()).isZero();
    }
}

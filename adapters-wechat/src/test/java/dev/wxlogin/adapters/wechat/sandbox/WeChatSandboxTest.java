package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.adapters.wechat.testing.CapturedLogs;
import dev.wxlogin.domain.fakes.MutableClock;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.login.LoginCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeChatSandboxTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RID = "rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}";
    private static final SandboxApp APP = new SandboxApp(new AppId("wxsandboxtest0001"), new AppSecret("app-secret-6e2b91"), true);
    private static final SandboxApp SISTER = new SandboxApp(new AppId("wxsandboxtest0002"), new AppSecret("sister-secret-0c4f"), true);
    private static final SandboxApp LONER = new SandboxApp(new AppId("wxsandboxtest0003"), new AppSecret("loner-secret-aa19"), false);

    private final MutableClock clock = new MutableClock(Instant.parse("2030-06-01T08:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private final CapturedLogs logs = new CapturedLogs();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
        http.close();
        logs.close();
    }

    private SandboxSettings.Builder settings() {
        return SandboxSettings.builder().apps(List.of(APP, SISTER, LONER)).clock(clock);
    }

    private WeChatSandbox started(SandboxSettings.Builder settings) {
        WeChatSandbox sandbox = new WeChatSandbox(settings.build());
        toClose.add(sandbox);
        return sandbox.start();
    }

    private WeChatSandbox started() {
        return started(settings());
    }

    private HttpResponse<String> get(WeChatSandbox sandbox, String pathAndQuery) throws IOException, InterruptedException {
        return get(sandbox, pathAndQuery, Duration.ofSeconds(5));
    }

    private HttpResponse<String> get(WeChatSandbox sandbox, String pathAndQuery, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + pathAndQuery)).timeout(timeout).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String jscode2session(Map<String, String> parameters) {
        return "/sns/jscode2session?" + parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String jscode2session(SandboxApp app, LoginCode code) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("appid", app.appId().value());
        parameters.put("secret", app.secret().value());
        parameters.put("js_code", code.value());
        parameters.put("grant_type", "authorization_code");
        return jscode2session(parameters);
    }

    /** Exchanges over HTTP, as a client would, and checks the wire shape every answer shares. */
    private JsonNode exchange(WeChatSandbox sandbox, SandboxApp app, LoginCode code) throws Exception {
        return answerOf(get(sandbox, jscode2session(app, code)));
    }

    private static JsonNode answerOf(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(response.body()).as("compact JSON").isEqualTo(JSON.writeValueAsString(body));
        if (body.has("errcode")) {
            assertThat(fieldNames(body)).containsExactly("errcode", "errmsg");
            assertThat(body.get("errmsg").asText()).matches(".+ " + RID);
        }
        return body;
    }

    private static List<String> fieldNames(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int errcode(JsonNode answer) {
        return answer.path("errcode").asInt(0);
    }

    @Test
    void answersASuccessAsWeChatDoes() throws Exception {
        WeChatSandbox sandbox = started();

        HttpResponse<String> response = get(sandbox, jscode2session(APP, sandbox.wxLogin(APP.appId(), "alice")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/plain");
        JsonNode body = JSON.readTree(response.body());
        assertThat(fieldNames(body)).containsExactly("session_key", "openid", "unionid");
        assertThat(Base64.getDecoder().decode(body.get("session_key").asText())).hasSize(16);
        assertThat(body.get("openid").asText()).matches("o[A-Za-z0-9_-]{27}");
        assertThat(body.get("unionid").asText()).matches("o[A-Za-z0-9_-]{27}");
    }

    @Test
    void labelsAnswersWithTheConfiguredContentType() throws Exception {
        WeChatSandbox sandbox = started(settings().contentType(SandboxSettings.APPLICATION_JSON));

        HttpResponse<String> response = get(sandbox, jscode2session(APP, new LoginCode("garbage")));

        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(errcode(answerOf(response))).isEqualTo(40029);
    }

    @Test
    void answersMissingOrWrongParametersWithWeChatsErrcodes() throws Exception {
        WeChatSandbox sandbox = started();
        String code = sandbox.wxLogin(APP.appId(), "alice").value();
        String appId = APP.appId().value();
        String secret = APP.secret().value();
        String grant = "authorization_code";

        assertThat(errcode(answerOf(get(sandbox, jscode2session(Map.of("secret", secret, "js_code", code, "grant_type", grant))))))
                .isEqualTo(41002);
        assertThat(errcode(answerOf(get(sandbox, jscode2session(Map.of("appid", appId, "js_code", code, "grant_type", grant))))))
                .isEqualTo(41004);
        assertThat(errcode(answerOf(get(sandbox, jscode2session(Map.of("appid", appId, "secret", secret, "js_code", "", "grant_type", grant))))))
                .isEqualTo(41008);
        assertThat(errcode(answerOf(get(sandbox, jscode2session(Map.of("appid", appId, "secret", secret, "js_code", code, "grant_type", "client_credential"))))))
                .isEqualTo(40002);
        assertThat(errcode(answerOf(get(sandbox, jscode2session(Map.of("appid", "wx%unknown!", "secret", secret, "js_code", code, "grant_type", grant))))))
                .isEqualTo(40013);
        assertThat(errcode(answerOf(get(sandbox, jscode2session(Map.of("appid", appId, "secret", "wrong", "js_code", code, "grant_type", grant))))))
                .isEqualTo(40125);
        assertThat(errcode(exchange(sandbox, APP, new LoginCode(code)))).as("none of that spent the code").isZero();
        assertThat(sandbox.exchangeCalls()).isEqualTo(7);
    }

    @Test
    void knowsNoOtherPath() throws Exception {
        WeChatSandbox sandbox = started();

        assertThat(get(sandbox, "/sns/jscode2session/more").statusCode()).isEqualTo(404);
        assertThat(get(sandbox, "/cgi-bin/token/more").statusCode()).isEqualTo(404);
        assertThat(sandbox.exchangeCalls()).isZero();
        assertThat(sandbox.accessTokenFetches()).isZero();
    }

    @Test
    void givesASimulatedUserOneOpenIdPerAppAndOneUnionIdAcrossBoundApps() throws Exception {
        WeChatSandbox sandbox = started();

        JsonNode alice = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "alice"));
        JsonNode aliceAgain = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "alice"));
        JsonNode aliceInSister = exchange(sandbox, SISTER, sandbox.wxLogin(SISTER.appId(), "alice"));
        JsonNode aliceInLoner = exchange(sandbox, LONER, sandbox.wxLogin(LONER.appId(), "alice"));
        JsonNode bob = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "bob@example.com"));

        assertThat(aliceAgain.get("openid")).isEqualTo(alice.get("openid"));
        assertThat(aliceInSister.get("openid")).isNotEqualTo(alice.get("openid"));
        assertThat(aliceInSister.get("unionid")).isEqualTo(alice.get("unionid"));
        assertThat(aliceInLoner.has("unionid")).isFalse();
        assertThat(bob.get("openid")).isNotEqualTo(alice.get("openid"));
        assertThat(bob.get("unionid")).isNotEqualTo(alice.get("unionid"));
    }

    @Test
    void derivesTheSameOpenIdsFromTheSameSeedAcrossRestarts() throws Exception {
        WeChatSandbox first = started(settings().openIdSeed("seed-one"));
        WeChatSandbox restarted = started(settings().openIdSeed("seed-one"));
        WeChatSandbox reseeded = started(settings().openIdSeed("seed-two"));

        JsonNode before = exchange(first, APP, first.wxLogin(APP.appId(), "alice"));
        JsonNode after = exchange(restarted, APP, restarted.wxLogin(APP.appId(), "alice"));
        JsonNode other = exchange(reseeded, APP, reseeded.wxLogin(APP.appId(), "alice"));

        assertThat(after.get("openid")).isEqualTo(before.get("openid"));
        assertThat(other.get("openid")).isNotEqualTo(before.get("openid"));
    }

    @Test
    void rotatesTheSessionKeyOnEveryExchangeByDefault() throws Exception {
        WeChatSandbox sandbox = started();

        JsonNode first = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "alice"));
        JsonNode second = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "alice"));

        assertThat(second.get("session_key")).isNotEqualTo(first.get("session_key"));
    }

    @Test
    void keepsTheSessionKeyUntilTheRotationPeriodHasPassed() throws Exception {
        WeChatSandbox sandbox = started(settings().sessionKeyRotationPeriod(Duration.ofMinutes(10)));

        JsonNode first = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "alice"));
        clock.advance(Duration.ofMinutes(9));
        JsonNode withinPeriod = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "alice"));
        JsonNode otherUser = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "bob"));
        clock.advance(Duration.ofMinutes(1));
        JsonNode afterPeriod = exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "alice"));

        assertThat(withinPeriod.get("session_key")).isEqualTo(first.get("session_key"));
        assertThat(otherUser.get("session_key")).isNotEqualTo(first.get("session_key"));
        assertThat(afterPeriod.get("session_key")).isNotEqualTo(first.get("session_key"));
    }

    @Test
    void acceptsACodeOnlyOnce() throws Exception {
        WeChatSandbox sandbox = started();
        LoginCode code = sandbox.wxLogin(APP.appId(), "alice");

        assertThat(errcode(exchange(sandbox, APP, code))).isZero();
        assertThat(errcode(exchange(sandbox, APP, code))).isEqualTo(40163);
    }

    @Test
    void acceptsACodeUntilItExpires() throws Exception {
        WeChatSandbox sandbox = started(settings().codeTtl(Duration.ofMinutes(5)));
        LoginCode early = sandbox.wxLogin(APP.appId(), "alice");
        LoginCode late = sandbox.wxLogin(APP.appId(), "alice");

        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(errcode(exchange(sandbox, APP, early))).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(errcode(exchange(sandbox, APP, late))).isEqualTo(40029);
    }

    @Test
    void refusesACodeIssuedForAnotherAppWithoutSpendingIt() throws Exception {
        WeChatSandbox sandbox = started();
        LoginCode forSister = sandbox.wxLogin(SISTER.appId(), "alice");

        assertThat(errcode(exchange(sandbox, APP, forSister))).isEqualTo(40029);
        assertThat(errcode(exchange(sandbox, SISTER, forSister))).isZero();
    }

    @Test
    void blocksRiskyUsers() throws Exception {
        WeChatSandbox sandbox = started(settings().riskyUsers(Set.of("mallory")));

        assertThat(errcode(exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "mallory")))).isEqualTo(40226);
        assertThat(errcode(exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "risky")))).isZero();
    }

    @Test
    void enforcesTheMinuteQuotaPerUser() throws Exception {
        WeChatSandbox sandbox = started(settings().minuteQuotaPerOpenId(2));
        for (int i = 0; i < 2; i++) {
            assertThat(errcode(exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "alice")))).isZero();
        }
        LoginCode overQuota = sandbox.wxLogin(APP.appId(), "alice");

        assertThat(errcode(exchange(sandbox, APP, overQuota))).isEqualTo(45011);
        assertThat(errcode(exchange(sandbox, APP, sandbox.wxLogin(APP.appId(), "bob")))).as("another user").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(errcode(exchange(sandbox, APP, overQuota))).as("next minute, same code").isZero();
    }

    @Test
    void mintsDistinctCodesShapedLikeWeChats() {
        WeChatSandbox sandbox = started();

        LoginCode first = sandbox.wxLogin(APP.appId(), "alice");
        LoginCode second = sandbox.wxLogin(APP.appId(), "alice");

        assertThat(first.value()).matches("[A-Za-z0-9_-]{32}");
        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "semi;colon", "中文",
            "a-name-that-is-far-too-long-for-the-sandbox-to-accept-as-a-user-x"})
    void refusesMalformedSimulatedUserNames(String name) {
        WeChatSandbox sandbox = started();

        assertThatThrownBy(() -> sandbox.wxLogin(APP.appId(), name)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void refusesToMintForAnUnknownApp() {
        WeChatSandbox sandbox = started();

        assertThatThrownBy(() -> sandbox.wxLogin(new AppId("wxunknown"), "alice"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("wxunknown");
    }

    @Test
    void answersBusyWithoutSpendingTheCode() throws Exception {
        WeChatSandbox sandbox = started();
        LoginCode code = sandbox.wxLogin(APP.appId(), "alice");
        sandbox.faults().busyForNext(2);

        assertThat(errcode(exchange(sandbox, APP, code))).isEqualTo(-1);
        assertThat(errcode(exchange(sandbox, APP, code))).isEqualTo(-1);
        assertThat(errcode(exchange(sandbox, APP, code))).isZero();
        assertThat(sandbox.exchangeCalls()).isEqualTo(3);
    }

    @Test
    void playsTheConfiguredFaults() throws Exception {
        SandboxFaults faults = new SandboxFaults().quotaExceeded(true);
        WeChatSandbox sandbox = started(settings().faults(faults));
        LoginCode code = sandbox.wxLogin(APP.appId(), "alice");

        assertThat(errcode(exchange(sandbox, APP, code))).isEqualTo(45011);
        faults.quotaExceeded(false).busyRate(1);
        assertThat(errcode(exchange(sandbox, APP, code))).isEqualTo(-1);
        faults.badGateway(true);
        HttpResponse<String> badGateway = get(sandbox, jscode2session(APP, code));
        assertThat(badGateway.statusCode()).isEqualTo(502);
        assertThat(badGateway.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(badGateway.body()).contains("<html>");
        faults.clear();
        assertThat(errcode(exchange(sandbox, APP, code))).isZero();
    }

    @Test
    void hangsUntilClosed() throws Exception {
        WeChatSandbox sandbox = started();
        sandbox.faults().hang(true);

        assertThatThrownBy(() -> get(sandbox, jscode2session(APP, new LoginCode("any")), Duration.ofMillis(100)))
                .isInstanceOf(HttpTimeoutException.class);
        sandbox.close();
        assertThat(sandbox.exchangeCalls()).isEqualTo(1);
    }

    @Test
    void delaysAnswersByTheConfiguredLatency() {
        WeChatSandbox sandbox = started();
        sandbox.faults().latency(Duration.ofMinutes(1));

        assertThatThrownBy(() -> get(sandbox, jscode2session(APP, new LoginCode("any")), Duration.ofMillis(100)))
                .as("closing the sandbox cuts the latency short, so this test does not wait a minute")
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void startsWithWeChatLikeDefaults() throws Exception {
        WeChatSandbox sandbox = started(SandboxSettings.builder());

        assertThat(sandbox.baseUrl().getHost()).isEqualTo("127.0.0.1");
        assertThat(sandbox.baseUrl().getPort()).isPositive();
        assertThat(sandbox.miniPrograms()).containsExactly(SandboxSettings.DEFAULT_APP.miniProgram());
        JsonNode answer = exchange(sandbox, SandboxSettings.DEFAULT_APP,
                sandbox.wxLogin(SandboxSettings.DEFAULT_APP.appId(), "alice"));
        assertThat(answer.has("unionid")).isTrue();
    }

    @Test
    void startsOnlyOnceAndHasNoUrlBeforeStarting() {
        WeChatSandbox sandbox = new WeChatSandbox(settings().build());
        toClose.add(sandbox);

        assertThatThrownBy(sandbox::baseUrl).isInstanceOf(IllegalStateException.class);
        sandbox.start();
        assertThatThrownBy(sandbox::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void logsNoCodeSecretOrSessionKey() throws Exception {
        WeChatSandbox sandbox = started();
        LoginCode code = sandbox.wxLogin(APP.appId(), "alice");
        JsonNode answer = exchange(sandbox, APP, code);
        exchange(sandbox, APP, code);
        sandbox.close();

        assertThat(logs.lines()).isNotEmpty();
        assertThat(logs.text()).doesNotContain(
                code.value(), APP.secret().value(), SISTER.secret().value(), answer.get("session_key").asText());
    }

    @Test
    void offersItsAppsCredentialsForConfiguringAClient() {
        WeChatSandbox sandbox = started();

        assertThat(sandbox.miniPrograms()).extracting(MiniProgram::appId)
                .containsExactly(APP.appId(), SISTER.appId(), LONER.appId());
    }
}

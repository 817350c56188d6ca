package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.fakes.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's /cgi-bin/token and /cgi-bin/stable_token over real HTTP, and what the other APIs make of tokens. */
class SandboxAccessTokensTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SandboxApp APP = new SandboxApp(new AppId("wxtokentest000001"), new AppSecret("token-secret-1a"), true);
    private static final String APP_ID = APP.appId().value();

    private final MutableClock clock = new MutableClock(Instant.parse("2030-06-01T08:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private WeChatSandbox sandbox = started(SandboxSettings.builder());

    @AfterEach
    void close() {
        sandbox.close();
        http.close();
    }

    private WeChatSandbox started(SandboxSettings.Builder settings) {
        if (sandbox != null) {
            sandbox.close();
        }
        return new WeChatSandbox(settings.apps(List.of(APP)).clock(clock).build()).start();
    }

    private JsonNode classic() throws Exception {
        return read(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/cgi-bin/token?grant_type="
                + "client_credential&appid=" + APP_ID + "&secret=" + APP.secret().value())).build(), body()));
    }

    private JsonNode stable(boolean force) throws Exception {
        return stableBody("{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID + "\",\"secret\":\""
                + APP.secret().value() + "\",\"force_refresh\":" + force + "}");
    }

    private JsonNode stableBody(String body) throws Exception {
        return read(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/cgi-bin/stable_token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), body()));
    }

    private static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }

    private static JsonNode read(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private Optional<Integer> refusal(JsonNode grant) {
        return sandbox.accessTokenVerdicts().refusal(APP_ID, grant.get("access_token").asText()).map(error -> error.errcode);
    }

    private static int errcode(JsonNode answer) {
        return answer.path("errcode").asInt(0);
    }

    @Test
    void theClassicApiReplacesTheTokenOnEveryCallAndTheOldOneWorksFiveMoreMinutes() throws Exception {
        JsonNode first = classic();
        clock.advance(Duration.ofSeconds(100));
        JsonNode second = classic();

        assertThat(first.get("expires_in").asInt()).isEqualTo(7200);
        assertThat(second.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        clock.advance(Duration.ofSeconds(299));
        assertThat(refusal(first)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(refusal(first)).contains(40001);
        assertThat(refusal(second)).isEmpty();
        assertThat(sandbox.accessTokenFetches()).isEqualTo(2);
    }

    @Test
    void stableTokenAnswersTheSameTokenUntilItsLastFiveMinutesThenANewOneAndTheOldLivesOn() throws Exception {
        JsonNode first = stable(false);
        clock.advance(Duration.ofSeconds(6899));
        JsonNode same = stable(false);
        clock.advance(Duration.ofSeconds(1));
        JsonNode renewed = stable(false);

        assertThat(same.get("access_token").asText()).isEqualTo(first.get("access_token").asText());
        assertThat(same.get("expires_in").asInt()).isEqualTo(301);
        assertThat(renewed.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertThat(renewed.get("expires_in").asInt()).isEqualTo(7200);
        clock.advance(Duration.ofSeconds(299));
        assertThat(refusal(first)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(refusal(first)).contains(42001);
        assertThat(refusal(renewed)).isEmpty();
    }

    @Test
    void forceRefreshKillsTheOldTokenAtOnceAtMostEveryThirtySecondsAndTwentyTimesADay() throws Exception {
        JsonNode first = stable(false);
        JsonNode forced = stable(true);

        assertThat(forced.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertThat(refusal(first)).contains(40001);
        clock.advance(Duration.ofSeconds(29));
        assertThat(stable(true).get("access_token").asText()).isEqualTo(forced.get("access_token").asText());
        for (int n = 2; n <= 20; n++) {
            clock.advance(Duration.ofSeconds(30));
            assertThat(stable(true).has("access_token")).isTrue();
        }
        clock.advance(Duration.ofSeconds(30));
        assertThat(errcode(stable(true))).isEqualTo(45009);
        assertThat(stable(false).has("access_token")).isTrue();
    }

    @Test
    void stableTokenTakesOnlyAJsonBodyByPost() throws Exception {
        assertThat(errcode(stableBody("grant_type=client_credential&appid=" + APP_ID))).isEqualTo(41002);
        assertThat(errcode(stableBody("[1]"))).isEqualTo(41002);
        assertThat(errcode(read(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/cgi-bin/stable_token"))
                .build(), body())))).isEqualTo(43002);
    }

    @Test
    void credentialsAreCheckedAsWeChatChecksThem() throws Exception {
        assertThat(errcode(stableBody("{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID
                + "\",\"secret\":\"wrong\"}"))).isEqualTo(40125);
        assertThat(errcode(stableBody("{\"grant_type\":\"client_credential\",\"appid\":\"wxnobody\",\"secret\":\"x\"}")))
                .isEqualTo(40013);
        assertThat(errcode(stableBody("{\"grant_type\":\"password\",\"appid\":\"" + APP_ID + "\",\"secret\":\"x\"}")))
                .isEqualTo(40002);
        assertThat(errcode(stableBody("{\"grant_type\":\"client_credential\",\"appid\":\"" + APP_ID + "\"}")))
                .isEqualTo(41004);
        assertThat(errcode(read(http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/cgi-bin/token?appid="
                + APP_ID + "&secret=wrong&grant_type=client_credential")).build(), body())))).isEqualTo(40125);
    }

    @Test
    void theTwoFamiliesAreIsolated() throws Exception {
        JsonNode stableToken = stable(false);
        classic();
        classic();
        clock.advance(Duration.ofSeconds(600));

        assertThat(refusal(stableToken)).isEmpty();
    }

    @Test
    void anUnknownOrForeignTokenIs40001AndAnExpiredOne42001() throws Exception {
        JsonNode token = classic();

        assertThat(sandbox.accessTokenVerdicts().refusal(APP_ID, "not-a-token")).contains(WeChatError.ACCESS_TOKEN_INVALID);
        assertThat(sandbox.accessTokenVerdicts().refusal("wxsomeoneelse", token.get("access_token").asText()))
                .contains(WeChatError.ACCESS_TOKEN_INVALID);
        assertThat(sandbox.acceptsAccessToken(APP.appId(), token.get("access_token").asText())).isTrue();
        clock.advance(Duration.ofSeconds(7200));
        assertThat(refusal(token)).contains(42001);
        assertThat(sandbox.acceptsAccessToken(APP.appId(), token.get("access_token").asText())).isFalse();
    }

    @Test
    void theDailyQuotaIsConfigurableAndStartsAgainAtChinasMidnight() throws Exception {
        sandbox = started(SandboxSettings.builder().accessTokenDailyQuota(2));
        classic();
        stable(false);

        assertThat(errcode(classic())).isEqualTo(45009);
        assertThat(errcode(stable(false))).isEqualTo(45009);
        clock.advance(Duration.ofHours(8)); // 16:00 UTC is midnight in China
        assertThat(classic().has("access_token")).isTrue();
    }

    @Test
    void aShortLifeScalesTheOverlapToAQuarterOfIt() throws Exception {
        sandbox = started(SandboxSettings.builder().accessTokenTtl(Duration.ofSeconds(20)));
        JsonNode first = stable(false);
        clock.advance(Duration.ofSeconds(14));
        assertThat(stable(false).get("access_token").asText()).isEqualTo(first.get("access_token").asText());
        clock.advance(Duration.ofSeconds(1));
        JsonNode second = stable(false);

        assertThat(second.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
        assertThat(second.get("expires_in").asInt()).isEqualTo(20);
        clock.advance(Duration.ofSeconds(5));
        assertThat(refusal(first)).contains(42001);
    }

    @Test
    void faultsPlayOnTheTokenApisToo() throws Exception {
        sandbox.faults().busyForNext(1);
        assertThat(errcode(stable(false))).isEqualTo(-1);
        sandbox.faults().clear().quotaExceeded(true);
        assertThat(errcode(classic())).isEqualTo(45009);
        sandbox.faults().clear();
        assertThat(stable(false).has("access_token")).isTrue();
        assertThat(sandbox.accessTokenFetches()).isEqualTo(3);
    }
}

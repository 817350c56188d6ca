package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.adapters.wechat.testing.SandboxTokens;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's getuserphonenumber, checksession and resetusersessionkey, spoken to as raw HTTP. */
class PhoneAndSessionKeyApisTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SandboxApp APP = new SandboxApp(new AppId("wxrawapis00000001"), new AppSecret("raw-secret-7e6f"), false);
    private static final SandboxApp SISTER = new SandboxApp(new AppId("wxrawapis00000002"), new AppSecret("raw-secret-2b1a"), false);

    private final WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().apps(List.of(APP, SISTER)).build())
            .withControlRoutes().start();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = SandboxTokens.live(WeChatApiSettings.of(sandbox.baseUrl(), List.of(APP.miniProgram())),
            APP.appId()).value();

    @AfterEach
    void close() {
        sandbox.close();
        http.close();
    }

    private JsonNode send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(sandbox.baseUrl().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode phone(String code) throws Exception {
        return post("/wxa/business/getuserphonenumber?access_token=" + token, "{\"code\":\"" + code + "\"}");
    }

    private JsonNode get(String path, String openId, String signature, String sigMethod) throws Exception {
        String query = "?access_token=" + token + "&openid=" + openId + "&signature=" + signature + "&sig_method=" + sigMethod;
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path + query)).GET());
    }

    /** Logs {@code user} in through jscode2session; answers [openid, session_key]. */
    private String[] login(String user) throws Exception {
        String query = "?appid=" + APP.appId() + "&secret=" + APP.secret().value() + "&grant_type=authorization_code&js_code="
                + sandbox.wxLogin(APP.appId(), user).value();
        JsonNode identity = send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sns/jscode2session" + query)).GET());
        return new String[] {identity.get("openid").asText(), identity.get("session_key").asText()};
    }

    private static String signature(String sessionKey) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(hmac.doFinal());
    }

    @Test
    void thePhoneCodeRouteMintsSingleUse64HexCodesForTheSameNumberEveryTime() throws Exception {
        String first = post("/sandbox/phone-code", "{\"user\":\"alice\"}").get("code").asText();
        String second = post("/sandbox/phone-code", "{\"user\":\"alice\",\"appId\":\"" + APP.appId() + "\"}").get("code").asText();

        assertThat(first).matches("[0-9a-f]{64}").isNotEqualTo(second);
        JsonNode answer = phone(first);
        assertThat(answer.get("errcode").asInt()).isZero();
        assertThat(answer.at("/phone_info/watermark/appid").asText()).isEqualTo(APP.appId().value());
        assertThat(answer.at("/phone_info/countryCode").asText()).isEqualTo("86");
        assertThat(phone(second).at("/phone_info/purePhoneNumber")).isEqualTo(answer.at("/phone_info/purePhoneNumber"));
        assertThat(phone(first).get("errcode").asInt()).isEqualTo(40029);
    }

    @Test
    void misuseOfTheBodyOrMethodIsAnsweredAsWeChatDoes() throws Exception {
        assertThat(post("/wxa/business/getuserphonenumber?access_token=" + token, "not json").get("errcode").asInt()).isEqualTo(47001);
        assertThat(post("/wxa/business/getuserphonenumber", "{\"code\":\"x\"}").get("errcode").asInt()).isEqualTo(41001);
        assertThat(send(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/wxa/business/getuserphonenumber?access_token=" + token)).GET())
                .get("errcode").asInt()).isEqualTo(43002);
    }

    @Test
    void checksessionKnowsOnlyTheLatestKeyAndOnlyHmacSha256() throws Exception {
        String[] first = login("alice");
        assertThat(get("/wxa/checksession", first[0], signature(first[1]), "hmac_sha256").get("errcode").asInt()).isZero();
        assertThat(get("/wxa/checksession", first[0], signature(first[1]).toUpperCase(), "hmac_sha256").get("errcode").asInt())
                .isEqualTo(87009);
        assertThat(get("/wxa/checksession", first[0], signature(first[1]), "md5").get("errcode").asInt()).isEqualTo(87008);

        String[] second = login("alice");

        assertThat(get("/wxa/checksession", first[0], signature(first[1]), "hmac_sha256").get("errcode").asInt()).isEqualTo(87009);
        assertThat(get("/wxa/checksession", second[0], signature(second[1]), "hmac_sha256").get("errcode").asInt()).isZero();
    }

    @Test
    void aResetAnswersANewKeyForTheUser() throws Exception {
        String[] alice = login("alice");

        JsonNode reset = get("/wxa/resetusersessionkey", alice[0], signature(alice[1]), "hmac_sha256");

        assertThat(reset.get("openid").asText()).isEqualTo(alice[0]);
        String replacement = reset.get("session_key").asText();
        assertThat(replacement).hasSize(24).isNotEqualTo(alice[1]);
        assertThat(get("/wxa/checksession", alice[0], signature(replacement), "hmac_sha256").get("errcode").asInt()).isZero();
        assertThat(get("/wxa/resetusersessionkey", alice[0], signature(alice[1]), "hmac_sha256").get("errcode").asInt())
                .isEqualTo(87009);
    }

    @Test
    void rejectedTokensCanBeInjectedOverTheControlRoute() throws Exception {
        String[] alice = login("alice");
        HttpResponse<Void> set = http.send(HttpRequest.newBuilder(sandbox.baseUrl().resolve("/sandbox/faults"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"rejectTokens\":1}")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(set.statusCode()).isEqualTo(204);

        assertThat(get("/wxa/checksession", alice[0], signature(alice[1]), "hmac_sha256").get("errcode").asInt()).isEqualTo(40001);
        assertThat(get("/wxa/checksession", alice[0], signature(alice[1]), "hmac_sha256").get("errcode").asInt()).isZero();
    }

    @Test
    void theTokenGateAnswersTheTokenStoresVerdictAndTellsTheTokensApp() {
        AccessTokenVerdicts verdicts = (appId, token) -> switch (token) {
            case "sister-token" -> appId.equals(SISTER.appId().value()) ? Optional.empty() : Optional.of(WeChatError.ACCESS_TOKEN_INVALID);
            case "expired" -> Optional.of(WeChatError.INVALID_CODE); // any error the store names is passed on
            default -> Optional.of(WeChatError.ACCESS_TOKEN_INVALID);
        };
        TokenGate gate = new TokenGate(List.of(APP.appId().value(), SISTER.appId().value()), verdicts, new SandboxFaults());

        assertThat(gate.check("sister-token")).isEqualTo(new TokenGate.Verdict.Live(SISTER.appId().value()));
        assertThat(gate.liveFor("sister-token", APP.appId().value())).isFalse();
        assertThat(gate.check("expired")).isEqualTo(new TokenGate.Verdict.Refused(WeChatError.INVALID_CODE));
        assertThat(gate.check("unknown")).isEqualTo(new TokenGate.Verdict.Refused(WeChatError.ACCESS_TOKEN_INVALID));
        assertThat(gate.check(null)).isEqualTo(new TokenGate.Verdict.Refused(WeChatError.ACCESS_TOKEN_MISSING));
    }
}

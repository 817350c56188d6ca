package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.adapters.wechat.JceOpenDataDecryptionAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiLoginCodeAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.fakes.MutableClock;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.opendata.EncryptedOpenData;
import dev.wxlogin.domain.opendata.RawDataSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's open data round-trips through the real decryption adapter, under the key the real client got. */
class SandboxOpenDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SandboxApp BOUND = new SandboxApp(new AppId("wxopendatatest001"), new AppSecret("open-data-secret-1"), true);
    private static final SandboxApp LONER = new SandboxApp(new AppId("wxopendatatest002"), new AppSecret("open-data-secret-2"), false);
    private static final Instant NOW = Instant.parse("2030-06-01T08:00:00Z");

    private final WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().apps(List.of(BOUND, LONER))
            .clock(new MutableClock(NOW)).build()).withControlRoutes().start();
    private final WeChatApiLoginCodeAdapter wechat = new WeChatApiLoginCodeAdapter(
            WeChatApiSettings.of(sandbox.baseUrl(), sandbox.miniPrograms()));
    private final JceOpenDataDecryptionAdapter cipher = new JceOpenDataDecryptionAdapter();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        wechat.close();
        sandbox.close();
        http.close();
    }

    private WeChatIdentity logIn(SandboxApp app, String user) {
        return wechat.exchange(app.appId(), sandbox.wxLogin(app.appId(), user));
    }

    private static EncryptedOpenData encrypted(Map<String, Object> minted) {
        return new EncryptedOpenData((String) minted.get("encryptedData"), (String) minted.get("iv"),
                Optional.ofNullable((String) minted.get("rawData")), Optional.ofNullable((String) minted.get("signature")));
    }

    private Map<String, Object> decrypted(SessionKey key, Map<String, Object> minted) {
        return cipher.decrypt(key, encrypted(minted)).orElseThrow();
    }

    @Test
    void phoneDataIsTheLegacyPayloadWatermarkedWithTheApp() {
        SessionKey key = logIn(BOUND, "alice").sessionKey();

        Map<String, Object> phone = decrypted(key, sandbox.openData(Optional.of(BOUND.appId()), "alice", "phone"));

        assertThat(phone.get("phoneNumber")).asString().matches("1[3-9][0-9]{9}");
        assertThat(phone).containsEntry("purePhoneNumber", phone.get("phoneNumber")).containsEntry("countryCode", "86")
                .containsEntry("watermark", Map.of("timestamp", (int) NOW.getEpochSecond(), "appid", BOUND.appId().value()));
    }

    @Test
    void userInfoComesWithRawDataSignedWithTheSessionKeyAndTheUnionIdOnlyEncrypted() throws Exception {
        WeChatIdentity alice = logIn(BOUND, "alice");

        Map<String, Object> minted = sandbox.openData(Optional.empty(), "alice", "userinfo");

        Map<String, Object> info = decrypted(alice.sessionKey(), minted);
        assertThat(info).containsEntry("nickName", "alice").containsEntry("openId", alice.openId().value())
                .containsEntry("unionId", alice.unionId().orElseThrow().value());
        String rawData = (String) minted.get("rawData");
        assertThat(minted.get("signature")).isEqualTo(RawDataSignature.of(rawData, alice.sessionKey()));
        JsonNode raw = JSON.readTree(rawData);
        assertThat(raw.get("nickName").asText()).isEqualTo("alice");
        assertThat(raw.has("openId")).isFalse();
        assertThat(raw.has("unionId")).isFalse();
    }

    @Test
    void userInfoOfAnAppWithoutOpenPlatformHasNoUnionId() {
        SessionKey key = logIn(LONER, "bob").sessionKey();

        assertThat(decrypted(key, sandbox.openData(Optional.of(LONER.appId()), "bob", "userinfo"))).doesNotContainKey("unionId");
    }

    @Test
    void weRunHas31DaysOfStepsAndShareInfoAGroupId() {
        SessionKey key = logIn(BOUND, "carol").sessionKey();

        assertThat((List<?>) decrypted(key, sandbox.openData(Optional.empty(), "carol", "werun")).get("stepInfoList")).hasSize(31);
        assertThat(decrypted(key, sandbox.openData(Optional.empty(), "carol", "share")).get("openGId")).asString().startsWith("G");
    }

    @Test
    void aLaterLoginRotatesTheKeySoThatDataMadeAfterItNoLongerOpensWithTheOldOne() {
        SessionKey old = logIn(BOUND, "dave").sessionKey();
        WeChatIdentity again = logIn(BOUND, "dave");

        Map<String, Object> minted = sandbox.openData(Optional.empty(), "dave", "phone");

        assertThat(cipher.decrypt(old, encrypted(minted))).isEmpty();
        assertThat(cipher.decrypt(again.sessionKey(), encrypted(minted))).isPresent();
        assertThat(sandbox.isCurrentSessionKey(again.openId().value(), old.value())).isFalse();
        assertThat(sandbox.isCurrentSessionKey(again.openId().value(), again.sessionKey().value())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"phone", "userinfo", "werun", "share"})
    void noDataForAUserWhoNeverLoggedIn(String kind) {
        assertThatThrownBy(() -> sandbox.openData(Optional.empty(), "stranger", kind)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void refusesAnUnknownKindAppOrUserName() {
        logIn(BOUND, "erin");

        assertThatThrownBy(() -> sandbox.openData(Optional.empty(), "erin", "photos")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> sandbox.openData(Optional.of(new AppId("wxunknown")), "erin", "phone"))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> sandbox.openData(Optional.empty(), "erin smith", "phone")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void theStandaloneSandboxMintsOpenDataOverHttp() throws Exception {
        SessionKey key = logIn(BOUND, "frank").sessionKey();

        HttpResponse<String> response = post("{\"user\":\"frank\",\"kind\":\"userinfo\",\"appId\":\"" + BOUND.appId() + "\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> minted = JSON.readValue(response.body(), Map.class);
        assertThat(minted).containsKeys("encryptedData", "iv", "rawData", "signature");
        assertThat(decrypted(key, minted)).containsEntry("nickName", "frank");
        assertThat(post("{\"user\":\"frank\"}").statusCode()).isEqualTo(400);
        assertThat(post("{\"user\":\"frank\",\"kind\":\"photos\"}").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/open-data"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

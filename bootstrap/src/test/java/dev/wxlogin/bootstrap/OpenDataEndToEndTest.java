package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wxlogin.adapters.wechat.WeChatApiLoginCodeAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Open data through the real server and the sandbox, as a mini program hands it over: minted by the sandbox's
 * {@code POST /sandbox/open-data} under the user's current session_key, sent to {@code POST /api/v1/me/open-data}.
 * A stale key and tampered data are told apart by asking WeChat (here the sandbox) whether the stored key is current.
 */
class OpenDataEndToEndTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    private static JsonNode minted(String user, String kind) {
        HttpResponse<String> response = server.postJson("/sandbox/open-data", "{\"user\":\"" + user + "\",\"kind\":\"" + kind + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static HttpResponse<String> handOver(String token, JsonNode data) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/open-data"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(data.toString())));
    }

    /** wx.login() on the phone and an exchange that the server never sees: WeChat's key moves on, ours stays. */
    private static void keyRotatedBehindTheServersBack(String user) {
        WeChatSandbox sandbox = server.sandbox();
        AppId app = sandbox.miniPrograms().getFirst().appId();
        try (WeChatApiLoginCodeAdapter elsewhere = new WeChatApiLoginCodeAdapter(
                WeChatApiSettings.of(sandbox.baseUrl(), sandbox.miniPrograms()))) {
            elsewhere.exchange(app, sandbox.wxLogin(app, user));
        }
    }

    @Test
    void phoneDataIsDecryptedAnsweredWithoutItsWatermarkAndKeptAsTheUsersPhone() {
        String token = server.tokenFor("od-alice");

        HttpResponse<String> response = handOver(token, minted("od-alice", "phone"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode phone = read(response.body());
        assertThat(phone.get("phoneNumber").asText()).matches("1[3-9][0-9]{9}");
        assertThat(phone.get("countryCode").asText()).isEqualTo("86");
        assertThat(phone.has("watermark")).isFalse();
        JsonNode kept = read(server.get("/api/v1/me", token).body()).get("phone");
        assertThat(kept.get("purePhoneNumber").asText()).isEqualTo(phone.get("phoneNumber").asText());
    }

    @Test
    void signedUserInfoIsVerifiedAndWeRunAndShareInfoReturnedAsTheyAre() {
        String token = server.tokenFor("od-bob");

        assertThat(read(handOver(token, minted("od-bob", "userinfo")).body()).get("nickName").asText()).isEqualTo("od-bob");
        assertThat(read(handOver(token, minted("od-bob", "werun")).body()).get("stepInfoList").size()).isEqualTo(31);
        assertThat(read(handOver(token, minted("od-bob", "share")).body()).get("openGId").asText()).startsWith("G");
    }

    @Test
    void dataMadeWithAKeyALaterLoginReplacedIsStaleAndALoginMendsIt() {
        server.tokenFor("od-carol");
        keyRotatedBehindTheServersBack("od-carol");
        String token = server.tokenFor("od-carol"); // a login the server sees: its stored key is current again
        keyRotatedBehindTheServersBack("od-carol");

        HttpResponse<String> stale = handOver(token, minted("od-carol", "phone"));

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(problemCode(stale)).isEqualTo("session_key_stale");
        String again = server.tokenFor("od-carol");
        assertThat(handOver(again, minted("od-carol", "phone")).statusCode()).isEqualTo(200);
    }

    @Test
    void tamperedDataUnderTheCurrentKeyIsInvalidNotStale() {
        String token = server.tokenFor("od-dave");
        ObjectNode data = (ObjectNode) minted("od-dave", "phone");
        byte[] ciphertext = Base64.getDecoder().decode(data.get("encryptedData").asText());
        ciphertext[0] ^= 0x01; // garbles the first plaintext block: {"phoneNumber":" is no longer there
        data.put("encryptedData", Base64.getEncoder().encodeToString(ciphertext));

        HttpResponse<String> response = handOver(token, data);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemCode(response)).isEqualTo("invalid_open_data");
    }

    @Test
    void tamperedRawDataIsAnInvalidSignatureUnderTheCurrentKeyAndStaleUnderAReplacedOne() {
        String token = server.tokenFor("od-erin");
        ObjectNode info = (ObjectNode) minted("od-erin", "userinfo");
        info.put("rawData", info.get("rawData").asText().replace("od-erin", "mallory"));

        HttpResponse<String> forged = handOver(token, info);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(problemCode(forged)).isEqualTo("invalid_signature");

        keyRotatedBehindTheServersBack("od-erin");
        HttpResponse<String> stale = handOver(token, minted("od-erin", "userinfo"));
        assertThat(problemCode(stale)).isEqualTo("session_key_stale");
    }

    @Test
    void anIvOfTheWrongLengthOrBrokenBase64IsInvalidOpenData() {
        String token = server.tokenFor("od-frank");
        ObjectNode data = (ObjectNode) minted("od-frank", "phone");

        assertThat(problemCode(handOver(token, data.deepCopy().put("iv", "AAAAAAAAAAAAAAAAAAAA")))).isEqualTo("invalid_open_data");
        assertThat(problemCode(handOver(token, data.deepCopy().put("encryptedData", "%%%%")))).isEqualTo("invalid_open_data");
    }
}

package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/** README's walkthrough, step by step, against the real server with the sandbox and an H2 file database. */
class ReadmeWalkthroughTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @Test
    void theWholeFlowWorksAsTheReadmeSays() {
        String code = server.code("alice");

        HttpResponse<String> login = server.login(code);
        assertThat(login.statusCode()).isEqualTo(200);
        JsonNode body = read(login.body());
        String token = body.get("token").asText();
        assertThat(token).hasSize(43);
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(7200);
        assertThat(body.get("user").get("newUser").asBoolean()).isTrue();
        String openid = body.get("user").get("openid").asText();

        HttpResponse<String> me = server.get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(read(me.body()).get("openid").asText()).isEqualTo(openid);

        HttpResponse<String> phoneCode = server.postJson("/sandbox/phone-code", "{\"user\":\"alice\"}");
        assertThat(phoneCode.statusCode()).isEqualTo(200);
        HttpResponse<String> phone = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/me/phone"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"" + read(phoneCode.body()).get("code").asText() + "\"}")));
        assertThat(phone.statusCode()).isEqualTo(200);
        assertThat(read(phone.body()).fieldNames()).toIterable()
                .containsExactly("phoneNumber", "purePhoneNumber", "countryCode");
        assertThat(read(server.get("/api/v1/me", token).body()).get("phone")).isEqualTo(read(phone.body()));

        HttpResponse<String> minted = server.postJson("/sandbox/open-data", "{\"user\":\"alice\",\"kind\":\"userinfo\"}");
        HttpResponse<String> opened = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/me/open-data"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(minted.body())));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(read(opened.body()).get("openId").asText()).isEqualTo(openid);
        assertThat(read(opened.body()).get("nickName").asText()).isEqualTo("alice");
        assertThat(read(opened.body()).has("watermark")).isFalse();

        HttpResponse<String> profile = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/me/profile"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"nickname\":\"Alice\"}")));
        assertThat(profile.statusCode()).isEqualTo(200);
        assertThat(read(server.get("/api/v1/me", token).body()).get("nickname").asText()).isEqualTo("Alice");

        HttpResponse<String> replay = server.login(code);
        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(read(replay.body()).get("code").asText()).isEqualTo("code_used");

        HttpResponse<String> sessions = server.get("/api/v1/sessions", token);
        assertThat(read(sessions.body()).get("sessions")).hasSize(1);

        assertThat(server.post("/api/v1/logout", token).statusCode()).isEqualTo(204);
        HttpResponse<String> after = server.get("/api/v1/me", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(read(after.body()).get("code").asText()).isEqualTo("session_revoked");

        assertThat(server.send(java.net.http.HttpRequest.newBuilder(server.uri("/health")).GET()).statusCode()).isEqualTo(200);
        assertThat(server.send(java.net.http.HttpRequest.newBuilder(server.uri("/ready")).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void theSameSimulatedUserIsTheSameUserAtEveryLogin() {
        JsonNode first = read(server.login(server.code("bob")).body()).get("user");
        JsonNode second = read(server.login(server.code("bob")).body()).get("user");

        assertThat(second.get("id").asText()).isEqualTo(first.get("id").asText());
        assertThat(second.get("openid").asText()).isEqualTo(first.get("openid").asText());
        assertThat(second.get("newUser").asBoolean()).isFalse();
    }

    @Test
    void noResponseEverCarriesTheSessionKey() {
        HttpResponse<String> login = server.login(server.code("carol"));

        assertThat(login.body()).doesNotContain("session_key").doesNotContain("sessionKey");
        assertThat(read(login.body()).get("user").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "accountId", "openid", "unionid", "newUser");
    }
}

package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The internal listener in the real server: wired to the real use cases and database, beside the public one. */
class InternalApiEndToEndTest {
    private static final String KEY = "operator-key-0123456789abcdef-0123456789";
    private static final String RETIRING_KEY = "retiring-key-0123456789abcdef-012345678";

    @TempDir
    Path data;

    private static Map<String, String> internal() {
        return Map.of("WXLOGIN_INTERNAL_API_KEYS", KEY + "," + RETIRING_KEY, "WXLOGIN_INTERNAL_PORT", "0");
    }

    @Test
    void anOperatorDisablesEnablesAndLogsOutAUserThroughTheInternalApi() {
        try (TestServer server = TestServer.start(data, internal())) {
            String token = server.tokenFor("alice");
            String user = read(server.get("/api/v1/me", token).body()).get("id").asText();

            HttpResponse<String> disabled = internal(server, "POST", "/internal/v1/users/" + user + "/disable", KEY);
            assertThat(disabled.statusCode()).isEqualTo(204);
            assertThat(problemCode(server.get("/api/v1/me", token))).isEqualTo("session_revoked");
            assertThat(problemCode(server.login(server.code("alice")))).isEqualTo("account_disabled");

            assertThat(internal(server, "POST", "/internal/v1/users/" + user + "/enable", RETIRING_KEY).statusCode())
                    .isEqualTo(204);
            String phone = server.tokenFor("alice");
            String laptop = server.tokenFor("alice");

            HttpResponse<String> ended = internal(server, "DELETE", "/internal/v1/users/" + user + "/sessions", KEY);
            assertThat(ended.statusCode()).isEqualTo(200);
            assertThat(read(ended.body()).get("ended").asInt()).isEqualTo(2);
            assertThat(problemCode(server.get("/api/v1/me", phone))).isEqualTo("session_revoked");
            assertThat(problemCode(server.get("/api/v1/me", laptop))).isEqualTo("session_revoked");
            assertThat(server.login(server.code("alice")).statusCode()).isEqualTo(200); // not disabled
        }
    }

    @Test
    void unknownUsersAndWrongKeysChangeNothing() {
        try (TestServer server = TestServer.start(data, internal())) {
            String token = server.tokenFor("bob");
            String user = read(server.get("/api/v1/me", token).body()).get("id").asText();

            assertThat(internal(server, "POST", "/internal/v1/users/u_nobody/disable", KEY).statusCode()).isEqualTo(404);
            assertThat(internal(server, "DELETE", "/internal/v1/users/u_nobody/sessions", KEY).statusCode()).isEqualTo(404);
            assertThat(internal(server, "POST", "/internal/v1/users/" + user + "/disable", KEY + "x").statusCode())
                    .isEqualTo(401);
            assertThat(internal(server, "DELETE", "/internal/v1/users/" + user + "/sessions", token).statusCode())
                    .isEqualTo(401);

            assertThat(server.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theInternalPathsAreNotOnThePublicPortNorThePublicOnesOnTheInternalPort() {
        try (TestServer server = TestServer.start(data, internal())) {
            String token = server.tokenFor("carol");
            String user = read(server.get("/api/v1/me", token).body()).get("id").asText();

            HttpResponse<String> onPublic = server.send(HttpRequest.newBuilder(server.uri("/internal/v1/users/" + user + "/disable"))
                    .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(onPublic.statusCode()).isEqualTo(404);
            assertThat(server.get("/internal/v1/access-token", KEY).statusCode()).isEqualTo(404);
            assertThat(internal(server, "GET", "/api/v1/me", KEY).statusCode()).isEqualTo(404);
            assertThat(internal(server, "GET", "/health", KEY).statusCode()).isEqualTo(404);

            assertThat(server.get("/api/v1/me", token).statusCode()).isEqualTo(200);
        }
    }

    /**
     * README's internal-API step: a business server reads the AppID's token, which WeChat (the sandbox) accepts;
     * after WeChat refused it, it asks for a replacement and gets a live one, while the refused one is dead.
     */
    @Test
    void aBusinessServerGetsTheLiveAccessTokenAndAReplacementForOneWeChatRefused() {
        try (TestServer server = TestServer.start(data, internal())) {
            AppId app = server.sandbox().miniPrograms().getFirst().appId();
            HttpResponse<String> current = internal(server, "GET", "/internal/v1/access-token", KEY);

            assertThat(current.statusCode()).isEqualTo(200);
            assertThat(current.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode grant = read(current.body());
            assertThat(grant.get("appId").asText()).isEqualTo(app.value());
            assertThat(Instant.parse(grant.get("expiresAt").asText())).isAfter(Instant.now());
            String token = grant.get("accessToken").asText();
            assertThat(server.sandbox().acceptsAccessToken(app, token)).isTrue();

            HttpResponse<String> refreshed = server.send(HttpRequest.newBuilder(internalUri(server,
                            "/internal/v1/access-token/refresh")).header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"rejectedToken\":\"" + token + "\"}")));

            assertThat(refreshed.statusCode()).isEqualTo(200);
            String replacement = read(refreshed.body()).get("accessToken").asText();
            assertThat(replacement).isNotEqualTo(token);
            assertThat(server.sandbox().acceptsAccessToken(app, replacement)).isTrue();
            assertThat(server.sandbox().acceptsAccessToken(app, token)).isFalse(); // forced out of WeChat's window
            assertThat(read(internal(server, "GET", "/internal/v1/access-token", KEY).body()).get("accessToken").asText())
                    .isEqualTo(replacement);
            assertThat(internal(server, "GET", "/internal/v1/access-token?appId=wxnotours000000001", KEY).statusCode())
                    .isEqualTo(400);
        }
    }

    /** The operator's answer to a session_key that may have leaked: WeChat replaces it, the server keeps the new one. */
    @Test
    void anOperatorResetsAUsersSessionKey() {
        try (TestServer server = TestServer.start(data, internal())) {
            String token = server.tokenFor("dave");
            String user = read(server.get("/api/v1/me", token).body()).get("id").asText();
            ForStoringUsers users = server.server().component(ForStoringUsers.class).orElseThrow();
            SessionKey before = users.sessionKeyOf(new UserId(user)).orElseThrow();

            assertThat(internal(server, "POST", "/internal/v1/users/" + user + "/reset-session-key", KEY).statusCode())
                    .isEqualTo(204);

            SessionKey after = users.sessionKeyOf(new UserId(user)).orElseThrow();
            assertThat(after).isNotEqualTo(before);
            String openId = read(server.get("/api/v1/me", token).body()).get("openid").asText();
            assertThat(server.sandbox().isCurrentSessionKey(openId, after.value())).isTrue();
            assertThat(internal(server, "POST", "/internal/v1/users/u_nobody/reset-session-key", KEY).statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void theStartUpLineNamesTheInternalAddressAndStoppingClosesBothListeners() {
        TestServer server = TestServer.start(data, internal());
        int internalPort = server.server().internalPort().orElseThrow();
        int publicPort = server.server().port();

        assertThat(server.server().describe()).contains("internal API on http://127.0.0.1:" + internalPort);
        assertThat(internalPort).isNotEqualTo(publicPort);

        server.close();
        assertThatThrownBy(() -> new Socket("127.0.0.1", internalPort).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> new Socket("127.0.0.1", publicPort).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void withoutKeysThereIsNoInternalListener() {
        try (TestServer server = TestServer.start(data, Map.of("WXLOGIN_INTERNAL_PORT", "0"))) {
            assertThat(server.server().internalPort()).isEmpty();
            assertThat(server.server().describe()).doesNotContain("internal");
        }
    }

    private static URI internalUri(TestServer server, String path) {
        return URI.create("http://127.0.0.1:" + server.server().internalPort().orElseThrow() + path);
    }

    static HttpResponse<String> internal(TestServer server, String method, String path, String key) {
        return server.send(HttpRequest.newBuilder(internalUri(server, path)).header("Authorization", "Bearer " + key)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}

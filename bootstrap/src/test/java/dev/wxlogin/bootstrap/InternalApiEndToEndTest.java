package dev.wxlogin.bootstrap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

    /** Until the access_token service is merged, the stand-in answers as a server without WeChat would. */
    @Test
    void theAccessTokenRouteIsWiredAndUncacheable() {
        try (TestServer server = TestServer.start(data, internal())) {
            HttpResponse<String> token = internal(server, "GET", "/internal/v1/access-token", KEY);

            assertThat(token.statusCode()).isIn(200, 503);
            assertThat(token.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(internal(server, "GET", "/internal/v1/access-token?appId=wxnotours000000001", KEY).statusCode())
                    .isEqualTo(400);
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

    static HttpResponse<String> internal(TestServer server, String method, String path, String key) {
        URI uri = URI.create("http://127.0.0.1:" + server.server().internalPort().orElseThrow() + path);
        return server.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }
}

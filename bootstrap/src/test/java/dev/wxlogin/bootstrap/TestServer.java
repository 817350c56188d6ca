package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real wxlogin server in this JVM: the Spring-wired hexagon, the sandbox over loopback HTTP, an H2 file
 * database in a temporary directory (or a {@link TestDatabase} of any engine), port 0 on 127.0.0.1. Settings are the WXLOGIN_* keys, as a user
 * would give them. Tests talk to it with the JDK's HTTP client.
 */
final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WxLoginServer server;
    private URI base;
    private Path ownDataDir;

    private TestServer() {}

    /** A sandbox-mode server keeping its data under {@code dataDir}; {@code settings} override the defaults. */
    static TestServer start(Path dataDir, Map<String, String> settings) {
        TestServer started = new TestServer();
        started.open(dataDir, settings);
        return started;
    }

    static TestServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    /**
     * A sandbox-mode server on {@code database}, as an operator would point it there; its data directory is a
     * temporary one of its own, deleted when the server is closed.
     */
    static TestServer on(TestDatabase database, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(databaseVariables(database));
        all.putAll(settings);
        TestServer started = new TestServer();
        started.ownDataDir = temporaryDirectory();
        started.open(started.ownDataDir, all);
        return started;
    }

    /**
     * The settings of a server that talks to {@code wechat} over HTTP as to the real WeChat, with the sandbox's
     * default app as its own and its internal API open to {@code internalApiKey} on a free port.
     */
    static Map<String, String> realWeChatVariables(WeChatSandbox wechat, String dataKey, String internalApiKey) {
        return Map.of(
                "WXLOGIN_APP_ID", SandboxSettings.DEFAULT_APP.appId().value(),
                "WXLOGIN_APP_SECRET", SandboxSettings.DEFAULT_APP.secret().value(),
                "WXLOGIN_SANDBOX", "false",
                "WXLOGIN_WECHAT_URL", wechat.baseUrl().toString(),
                "WXLOGIN_DATA_KEY", dataKey,
                "WXLOGIN_INTERNAL_API_KEYS", internalApiKey,
                "WXLOGIN_INTERNAL_PORT", "0");
    }

    /** The settings that point wxlogin at {@code database}. */
    static Map<String, String> databaseVariables(TestDatabase database) {
        return Map.of("WXLOGIN_DB_URL", database.url(), "WXLOGIN_DB_USER", database.user(),
                "WXLOGIN_DB_PASSWORD", database.password());
    }

    /**
     * One server for a whole test class, with default settings:
     * {@code @RegisterExtension static final TestServer server = TestServer.perClass();}. It starts before
     * the first test in a temporary directory of its own, and is closed and its directory deleted after the last.
     */
    static TestServer perClass() {
        return new TestServer();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ownDataDir = temporaryDirectory();
        open(ownDataDir, Map.of());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("wxlogin-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void open(Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(Map.of(
                "WXLOGIN_PORT", "0",
                "WXLOGIN_DATA_DIR", dataDir.toString()));
        all.putAll(settings);
        server = WxLoginServer.start(Settings.from(new ConfigurationSource(all)));
        base = URI.create("http://127.0.0.1:" + server.port());
    }

    URI uri(String path) {
        return base.resolve(path);
    }

    WxLoginServer server() {
        return server;
    }

    WeChatSandbox sandbox() {
        return server.component(WeChatSandbox.class).orElseThrow();
    }

    /** A bean of the running server, such as a port or the {@link Database}. */
    <T> T component(Class<T> type) {
        return server.component(type).orElseThrow(() -> new IllegalStateException("no bean " + type.getSimpleName()));
    }

    /** {@code SELECT COUNT(*)} of a table, straight from the server's database. */
    long rows(String table) {
        return component(Database.class).jdbi()
                .withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<String> post(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    HttpResponse<String> delete(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).DELETE());
    }

    /**
     * The sandbox's wx.login() for a simulated user, straight from the sandbox: unlike {@link #code}, it does
     * not count against the server's per-IP login rate limit.
     */
    String wxLogin(String user) {
        WeChatSandbox sandbox = sandbox();
        return sandbox.wxLogin(sandbox.miniPrograms().getFirst().appId(), user).value();
    }

    /** The sandbox's wx.login() for a simulated user, through the server's own /sandbox/code. */
    String code(String user) {
        HttpResponse<String> response = postJson("/sandbox/code", "{\"user\":\"" + user + "\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sandbox code: " + response.statusCode() + " " + response.body());
        }
        return Json.read(response.body()).get("code").asText();
    }

    HttpResponse<String> login(String code) {
        return postJson("/api/v1/login", "{\"code\":\"" + code + "\"}");
    }

    /** wx.login() and log in as {@code user}; returns the session token. */
    String tokenFor(String user) {
        HttpResponse<String> response = login(code(user));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login: " + response.statusCode() + " " + response.body());
        }
        return Json.read(response.body()).get("token").asText();
    }

    /** Stops the server, and deletes its data directory if it made that itself. */
    @Override
    public void close() {
        server.close();
        if (ownDataDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(ownDataDir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON reading for assertions. */
    static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {}

        /** The problem+json {@code code} of an error response. */
        static String problemCode(HttpResponse<String> response) {
            return read(response.body()).path("code").asText();
        }

        static JsonNode read(String text) {
            try {
                return MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + text, e);
            }
        }
    }
}

package dev.wxlogin.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.images.AvatarFixtures;
import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.token.AccessTokenGrant;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;
import dev.wxlogin.domain.port.out.ForCheckingSessionKeys;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * security.md R7, W8, L9 (CWE-532): every flow, the failing ones too, run with wxlogin's loggers, the security
 * events and the root logger at DEBUG; then every captured line (formatted message, arguments, MDC, throwable
 * text with causes and stack traces) is searched for every token issued, every code minted, every session_key
 * WeChat gave, the AppSecrets, the data key, and for {@code secret=} and {@code js_code=}. Jetty stays at its
 * configured level: its DEBUG parser logs raw request headers, a documented "do not do that".
 */
// Alone: it reads what every server in the JVM logs, and its servers log at DEBUG, which any other server
// starting meanwhile would set back (the log level is the JVM's).
@Isolated
class LogHygieneTest {
    private static final String SANDBOX_SECRET = "sandbox-app-secret";
    /** Loggers this test turns to DEBUG: ours, the security events, the root, and the libraries the shipped logging quiets. */
    private static final List<String> DEBUG_LOGGERS = List.of(Logger.ROOT_LOGGER_NAME, "dev.wxlogin", "wxlogin",
            "io.javalin", "org.flywaydb", "com.zaxxer.hikari", "org.springframework", "org.jdbi", "io.github.resilience4j");
    /**
     * Libraries that write raw requests at DEBUG stay at INFO here, as the shipped logging pins them (Jetty already is;
     * the JDK server the sandbox runs on is not yet: see the parameterized test below, which fails until it is).
     */
    private static final List<String> RAW_REQUEST_LOGGERS = List.of("org.eclipse.jetty", "com.sun.net.httpserver");

    @TempDir
    Path temp;

    private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<String, Level> savedLevels = new LinkedHashMap<>();
    private final Capture capture = new Capture();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    /** Everything that must never be logged, with what it is, for a readable failure. */
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private final List<HttpResponse<String>> errorResponses = new ArrayList<>();

    @BeforeEach
    void debugLoggingIntoMemory() {
        for (String name : DEBUG_LOGGERS) {
            Logger logger = logging.getLogger(name);
            savedLevels.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        for (String name : RAW_REQUEST_LOGGERS) {
            Logger logger = logging.getLogger(name);
            savedLevels.put(name, logger.getLevel());
            if (!logger.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
                logger.setLevel(Level.INFO);
            }
        }
        assertThat(logging.getLogger("org.eclipse.jetty").getLevel()).as("Jetty, as the shipped logging configures it").isNotNull();
        capture.setContext(logging);
        capture.setName("log-hygiene-capture");
        capture.start();
        logging.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        forbid(SANDBOX_SECRET, "the sandbox AppSecret");
    }

    @AfterEach
    void restoreLogging() throws Exception {
        try {
            for (AutoCloseable closeable : toClose.reversed()) {
                closeable.close();
            }
        } finally {
            logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
            capture.stop();
            savedLevels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
        }
    }

    /**
     * Libraries that log raw requests (request line with the query string, headers) at DEBUG must be pinned at
     * INFO or above by the shipped logging ({@link ShippedLogging}), so that raising the root logger cannot turn them on: Jetty
     * (our server: Authorization headers) and the JDK's com.sun.net.httpserver (the sandbox: jscode2session's
     * query carries the AppSecret and the code).
     */
    @ParameterizedTest
    @ValueSource(strings = {"org.eclipse.jetty", "org.eclipse.jetty.http.HttpParser", "com.sun.net.httpserver"})
    void librariesThatLogRawRequestsArePinnedAtInfoOrAbove(String library) throws Exception {
        // The shipped configuration, made in a fresh context (the tests' own configuration cannot get in the way),
        // with the root logger raised as an operator chasing a problem might.
        LoggerContext fresh = new LoggerContext();
        try {
            ShippedLogging.applyTo(fresh);
            assertThat(fresh.getLogger("dev.wxlogin").getEffectiveLevel()).isEqualTo(Level.INFO);
            fresh.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG);
            Level level = fresh.getLogger(library).getEffectiveLevel();
            assertThat(level.isGreaterOrEqual(Level.INFO))
                    .as("%s is %s with the root logger at DEBUG: the shipped logging should pin it at INFO or WARN", library, level)
                    .isTrue();
        } finally {
            fresh.stop();
        }
    }

    @Test
    void sandboxModeFlowsLogNoTokenCodeSessionKeyOrSecret() throws Exception {
        TestServer server = TestServer.start(temp.resolve("sandbox"), Map.of("WXLOGIN_LOG_LEVEL", "DEBUG"));
        toClose.add(server);
        forbid(Files.readString(temp.resolve("sandbox").resolve(DataKeys.KEY_FILE), StandardCharsets.US_ASCII).trim(),
                "the sandbox data key");
        ForStoringUsers users = server.server().component(ForStoringUsers.class).orElseThrow();

        // New user, then a returning one; each login gets a new session_key from the sandbox.
        String aliceCode = code(server, "alice");
        JsonNode alice = loggedIn(server, aliceCode, users);
        String aliceToken = alice.get("token").asText();
        JsonNode aliceAgain = loggedIn(server, code(server, "alice"), users);
        assertThat(aliceAgain.get("user").get("newUser").asBoolean()).isFalse();
        String aliceToken2 = aliceAgain.get("token").asText();
        JsonNode bob = loggedIn(server, code(server, "bob"), users);
        String bobToken = bob.get("token").asText();

        // Authenticated requests.
        assertThat(server.get("/api/v1/me", aliceToken).statusCode()).isEqualTo(200);
        HttpResponse<String> sessions = server.get("/api/v1/sessions", aliceToken2);
        assertThat(sessions.statusCode()).isEqualTo(200);
        String firstSessionId = read(sessions.body()).get("sessions").get(0).get("id").asText();
        assertThat(status(server.send(HttpRequest.newBuilder(server.uri("/api/v1/sessions/" + firstSessionId))
                .header("Authorization", "Bearer " + aliceToken2).DELETE()))).isEqualTo(204);
        assertThat(status(server.get("/api/v1/me", aliceToken))).isEqualTo(401); // revoked from the other device
        assertThat(status(server.post("/api/v1/logout", bobToken))).isEqualTo(204);
        assertThat(status(server.get("/api/v1/me", bobToken))).isEqualTo(401);
        assertThat(status(server.post("/api/v1/logout-all", aliceToken2))).isEqualTo(200);

        // Replay, unknown and malformed codes, malformed and unknown tokens, a token in the query string.
        assertThat(status(server.login(aliceCode))).isEqualTo(409);
        String unknownCode = "0a1b2c3d4e5f-not-issued-" + System.nanoTime();
        forbid(unknownCode, "a code WeChat never issued");
        assertThat(status(server.login(unknownCode))).isEqualTo(401);
        String badCode = "bad code\twith spaces " + System.nanoTime();
        forbid(badCode, "a malformed code");
        assertThat(status(server.login(badCode))).isEqualTo(400);
        String longCode = "L".repeat(129) + System.nanoTime();
        forbid(longCode, "an overlong code");
        assertThat(status(server.login(longCode))).isEqualTo(400);
        String malformedToken = "not-a-token." + System.nanoTime();
        forbid(malformedToken, "a malformed token");
        assertThat(status(server.get("/api/v1/me", malformedToken))).isEqualTo(401);
        String unknownToken = randomToken();
        forbid(unknownToken, "a well-formed token never issued");
        assertThat(status(server.get("/api/v1/sessions", unknownToken))).isEqualTo(401);
        assertThat(status(server.post("/api/v1/logout", unknownToken))).isEqualTo(204);
        assertThat(status(server.send(HttpRequest.newBuilder(server.uri("/api/v1/me?token=" + aliceToken2
                + "&access_token=" + aliceToken2)).GET()))).isEqualTo(401);
        assertThat(status(server.send(HttpRequest.newBuilder(server.uri("/api/v1/login"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"code\":\"" + code(server, "carol") + "\"}"))))).isEqualTo(415);

        // WeChat's bad days: a blocked user (40226), the minute quota (45011), busy (-1) throughout, a bad gateway.
        assertThat(status(server.login(code(server, "risky")))).isEqualTo(403);
        server.sandbox().faults().quotaExceeded(true);
        assertThat(status(server.login(code(server, "dave")))).isEqualTo(429);
        server.sandbox().faults().clear().busyForNext(10);
        assertThat(status(server.login(code(server, "erin")))).isEqualTo(503);
        server.sandbox().faults().clear().badGateway(true);
        assertThat(status(server.login(code(server, "frank")))).isEqualTo(503);
        server.sandbox().faults().clear().busyForNext(1);
        JsonNode afterBusy = loggedIn(server, code(server, "grace"), users); // -1 once, then the retry succeeds
        assertThat(status(server.get("/api/v1/me", afterBusy.get("token").asText()))).isEqualTo(200);

        // The access_token: fetched, reported rejected (stable_token answers it again: a forced refresh), refreshed.
        ForGettingAccessTokens tokens = server.server().component(ForGettingAccessTokens.class).orElseThrow();
        AppId app = server.sandbox().miniPrograms().getFirst().appId();
        AccessTokenGrant fetched = tokens.current(app);
        forbid(fetched.token().value(), "an access_token");
        AccessTokenGrant replaced = tokens.replaceRejected(app, fetched.token());
        forbid(replaced.token().value(), "a replacing access_token");
        assertThat(replaced.token()).isNotEqualTo(fetched.token());
        server.sandbox().faults().clear().badGateway(true);
        assertThat(catchThrowableOfType(UpstreamFailure.class, () -> tokens.replaceRejected(app, replaced.token())).kind())
                .isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
        server.sandbox().faults().clear();

        // Open data, decrypted and tampered with; a profile filled in, an avatar refused.
        String graceToken = afterBusy.get("token").asText();
        for (String kind : List.of("phone", "userinfo")) {
            JsonNode minted = read(server.postJson("/sandbox/open-data", "{\"user\":\"grace\",\"kind\":\"" + kind + "\"}").body());
            forbid(minted.get("encryptedData").asText(), "open data's ciphertext");
            HttpResponse<String> opened = openData(server, graceToken, minted.toString());
            assertThat(opened.statusCode()).isEqualTo(200);
            if (kind.equals("phone")) {
                forbid(read(opened.body()).get("phoneNumber").asText(), "a decrypted phone number");
            } else {
                forbid(minted.get("signature").asText(), "a rawData signature");
                assertThat(status(openData(server, graceToken, minted.toString().replace("grace", "mallory")))).isEqualTo(400);
            }
        }
        users.sessionKeyOf(new UserId(afterBusy.get("user").get("id").asText()))
                .ifPresent(key -> forbid(key.value(), "grace's session_key"));
        assertThat(status(server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/profile"))
                .header("Authorization", "Bearer " + graceToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"nickname\":\"Grace H\"}"))))).isEqualTo(200);
        assertThat(status(server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/avatar"))
                .header("Authorization", "Bearer " + graceToken).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(AvatarFixtures.png(8, 8)))))).isEqualTo(200);
        assertThat(status(server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/avatar"))
                .header("Authorization", "Bearer " + graceToken).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofString("GIF89a not ours"))))).isEqualTo(415);

        server.close(); // every request thread has finished writing its lines
        toClose.remove(server);

        List<String> lines = capture.snapshot();
        assertThat(lines).as("captured log lines").isNotEmpty();
        assertThat(lines).anyMatch(line -> line.contains("login user=" + alice.get("user").get("id").asText()));
        assertThat(lines).anyMatch(line -> line.contains("login refused") && line.contains("code_replayed"));
        assertThat(lines).anyMatch(line -> line.contains("logout account="));
        assertThat(lines).anyMatch(line -> line.contains("code2Session appid="));
        assertThat(lines).anyMatch(line -> line.contains("stableToken appid="));
        assertThat(lines).anyMatch(line -> line.contains("force_refresh 1 of 20 today"));
        assertThat(lines).anyMatch(line -> line.startsWith("DEBUG"));
        assertNothingSecretIn(lines);
        assertNothingSecretInErrorBodies();
    }

    /**
     * Issue 12, item 7: registration, logins right and wrong, an unknown name, a lock, a password set and changed,
     * WeChat bound. No password, hash, token or code is logged, and no username at all: a failure's reason next to
     * a name would tell which names exist.
     */
    @Test
    void passwordFlowsLogNoPasswordHashTokenOrUsername() throws Exception {
        TestServer server = TestServer.start(temp.resolve("passwords"), Map.of("WXLOGIN_LOG_LEVEL", "DEBUG",
                "WXLOGIN_RATE_LOGIN_PER_IP", "0"));
        toClose.add(server);
        String suffix = Long.toHexString(new SecureRandom().nextLong());
        String name = "pw-ivy-" + suffix;
        String password = "first pass " + suffix;
        String changed = "second pass " + suffix;
        String stranger = "pw-nobody-" + suffix;
        String wrong = "wrong pass " + suffix;
        List.of(name, password, changed, stranger, wrong).forEach(value -> forbid(value, "a username or password"));

        HttpResponse<String> registered = passwordRequest(server, "POST", "/api/v1/accounts", credentials(name, password), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String token = read(registered.body()).get("token").asText();
        forbid(token, "a password session's token");
        forbid(server.server().component(Database.class).orElseThrow().jdbi().withHandle(handle -> handle
                .createQuery("SELECT password_hash FROM account_password").mapTo(String.class).one()), "a password hash");
        String login = read(passwordRequest(server, "POST", "/api/v1/login/password", credentials(name, password), null)
                .body()).get("token").asText();
        forbid(login, "a password session's token");
        assertThat(status(passwordRequest(server, "POST", "/api/v1/login/password", credentials(stranger, password), null)))
                .isEqualTo(401);
        for (int i = 0; i < 5; i++) {
            assertThat(status(passwordRequest(server, "POST", "/api/v1/login/password", credentials(name, wrong), null)))
                    .isEqualTo(401);
        }
        assertThat(status(passwordRequest(server, "POST", "/api/v1/login/password", credentials(name, password), null)))
                .isEqualTo(429);
        assertThat(status(passwordRequest(server, "PUT", "/api/v1/me/password",
                "{\"password\":\"" + changed + "\",\"currentPassword\":\"" + wrong + "\"}", token))).isEqualTo(429);
        String bindCode = code(server, "ivy");
        assertThat(status(passwordRequest(server, "POST", "/api/v1/me/wechat", "{\"code\":\"" + bindCode + "\"}", token)))
                .isEqualTo(200);
        JsonNode wechat = loggedIn(server, code(server, "judy"), server.server().component(ForStoringUsers.class).orElseThrow());
        assertThat(status(passwordRequest(server, "PUT", "/api/v1/me/password", credentials(name, changed),
                wechat.get("token").asText()))).isEqualTo(409);

        server.close();
        toClose.remove(server);

        List<String> lines = capture.snapshot();
        assertThat(lines).anyMatch(line -> line.contains("account registered account="));
        assertThat(lines).anyMatch(line -> line.contains("password login refused reason=invalid_credentials"));
        assertThat(lines).anyMatch(line -> line.contains("password login refused reason=too_many_failures"));
        assertThat(lines).anyMatch(line -> line.contains("wechat bound account="));
        assertNothingSecretIn(lines);
        assertNothingSecretInErrorBodies();
    }

    private HttpResponse<String> passwordRequest(TestServer server, String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = server.send(request);
        record(response);
        return response;
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    @Test
    void wrongAppSecretAgainstWeChatLogsTheAppIdButNoSecret() throws Exception {
        WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().build()).start();
        toClose.add(wechat);
        String wrongSecret = "wrong-secret-" + Long.toHexString(new SecureRandom().nextLong());
        String dataKey = Base64.getEncoder().encodeToString(randomBytes(32));
        forbid(wrongSecret, "the configured (wrong) AppSecret");
        forbid(dataKey, "the data key");
        TestServer server = TestServer.start(temp.resolve("wechat"), Map.of(
                "WXLOGIN_APP_ID", "wxsandbox00000001",
                "WXLOGIN_APP_SECRET", wrongSecret,
                "WXLOGIN_SANDBOX", "false",
                "WXLOGIN_WECHAT_URL", wechat.baseUrl().toString(),
                "WXLOGIN_DATA_KEY", dataKey,
                "WXLOGIN_LOG_LEVEL", "DEBUG"));
        toClose.add(server);

        for (String user : List.of("dora", "eve")) {
            String code = wechat.wxLogin(new AppId("wxsandbox00000001"), user).value();
            forbid(code, "a code minted for " + user);
            HttpResponse<String> login = server.login(code);
            record(login);
            assertThat(login.statusCode()).isEqualTo(502);
            assertThat(read(login.body()).get("code").asText()).isEqualTo("upstream_misconfigured");
        }
        assertThat(wechat.exchangeCalls()).isEqualTo(2);
        ForGettingAccessTokens tokens = server.server().component(ForGettingAccessTokens.class).orElseThrow();
        assertThat(catchThrowableOfType(UpstreamFailure.class, () -> tokens.current(new AppId("wxsandbox00000001"))).kind())
                .isEqualTo(UpstreamFailure.Kind.MISCONFIGURED);

        server.close();
        toClose.remove(server);

        List<String> lines = capture.snapshot();
        assertThat(lines).anyMatch(line -> line.startsWith("ERROR") && line.contains("wxsandbox00000001")
                && line.contains("WeChat refused the credentials"));
        assertThat(lines).anyMatch(line -> line.startsWith("ERROR") && line.contains("misconfigured")
                && line.contains("errcode 40125"));
        assertNothingSecretIn(lines);
        assertNothingSecretInErrorBodies();
    }

    /** Two mini programs against WeChat: their secrets, codes, tokens and session_keys are in no line and no answer. */
    @Test
    void twoMiniProgramsLogNeitherSecretNorAnyTokenCodeOrSessionKey() throws Exception {
        SandboxApp shop = new SandboxApp(new AppId("wxsandboxshop"), new AppSecret(randomSecret("shop")), true);
        SandboxApp card = new SandboxApp(new AppId("wxsandboxcard"), new AppSecret(randomSecret("card")), false);
        WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().apps(List.of(shop, card)).build()).start();
        toClose.add(wechat);
        String dataKey = Base64.getEncoder().encodeToString(randomBytes(32));
        forbid(shop.secret().value(), "the shop's AppSecret");
        forbid(card.secret().value(), "the card's AppSecret");
        forbid(dataKey, "the data key");
        TestServer server = TestServer.start(temp.resolve("apps"), Map.of(
                "WXLOGIN_APPS", "wxsandboxshop,wxsandboxcard",
                "WXLOGIN_APP_SECRET_wxsandboxshop", shop.secret().value(),
                "WXLOGIN_APP_SECRET_wxsandboxcard", card.secret().value(),
                "WXLOGIN_SANDBOX", "false",
                "WXLOGIN_WECHAT_URL", wechat.baseUrl().toString(),
                "WXLOGIN_DATA_KEY", dataKey,
                "WXLOGIN_LOG_LEVEL", "DEBUG"));
        toClose.add(server);
        ForStoringUsers users = server.server().component(ForStoringUsers.class).orElseThrow();

        Map<String, String> tokens = new LinkedHashMap<>();
        for (SandboxApp app : List.of(shop, card)) {
            String code = wechat.wxLogin(app.appId(), "alice").value();
            forbid(code, "a code of " + app.appId());
            HttpResponse<String> response = server.postJson("/api/v1/login",
                    "{\"code\":\"" + code + "\",\"appId\":\"" + app.appId() + "\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode body = read(response.body());
            forbid(body.get("token").asText(), "a token of " + app.appId());
            forbid(users.sessionKeyOf(new UserId(body.get("user").get("id").asText())).orElseThrow().value(),
                    "a session_key of " + app.appId());
            tokens.put(app.appId().value(), body.get("token").asText());
        }
        String unnamedCode = wechat.wxLogin(shop.appId(), "bob").value();
        forbid(unnamedCode, "a code sent without its app");
        assertThat(status(server.postJson("/api/v1/login", "{\"code\":\"" + unnamedCode + "\"}"))).isEqualTo(400);
        assertThat(status(server.postJson("/api/v1/login",
                "{\"code\":\"" + unnamedCode + "\",\"appId\":\"wxnotserved\"}"))).isEqualTo(400);
        assertThat(status(server.send(HttpRequest.newBuilder(server.uri("/api/v1/me"))
                .header("Authorization", "Bearer " + tokens.get("wxsandboxshop"))
                .header("X-WxLogin-App", "wxsandboxcard").GET()))).isEqualTo(401);
        server.close();
        toClose.remove(server);

        List<String> lines = capture.snapshot();
        assertThat(lines).anyMatch(line -> line.contains("login refused app=wxnotserved reason=unknown_app"));
        assertNothingSecretIn(lines);
        assertNothingSecretInErrorBodies();
    }

    private static String randomSecret(String app) {
        return app + "-secret-" + Long.toHexString(new SecureRandom().nextLong());
    }

    /** The internal API's keys, right and wrong, are in no log line and no error response. */
    @Test
    void theInternalApiLogsNoApiKey() throws Exception {
        String key = "internal-key-" + randomToken();
        String retiring = "retiring-key-" + randomToken();
        String wrongKey = "wrong-key-" + randomToken();
        forbid(key, "an internal API key");
        forbid(retiring, "a retiring internal API key");
        forbid(wrongKey, "a wrong internal API key");
        TestServer server = TestServer.start(temp.resolve("internal"), Map.of("WXLOGIN_LOG_LEVEL", "DEBUG",
                "WXLOGIN_INTERNAL_API_KEYS", key + "," + retiring, "WXLOGIN_INTERNAL_PORT", "0"));
        toClose.add(server);
        ForStoringUsers users = server.server().component(ForStoringUsers.class).orElseThrow();
        JsonNode login = loggedIn(server, code(server, "heidi"), users);
        String user = login.get("user").get("id").asText();

        assertThat(status(InternalApiEndToEndTest.internal(server, "POST", "/internal/v1/users/" + user + "/disable", key)))
                .isEqualTo(204);
        assertThat(status(InternalApiEndToEndTest.internal(server, "POST", "/internal/v1/users/" + user + "/enable", retiring)))
                .isEqualTo(204);
        assertThat(status(InternalApiEndToEndTest.internal(server, "DELETE", "/internal/v1/users/u_nobody/sessions", key)))
                .isEqualTo(404);
        assertThat(status(InternalApiEndToEndTest.internal(server, "GET", "/internal/v1/access-token?key=" + wrongKey,
                wrongKey))).isEqualTo(401);
        assertThat(status(InternalApiEndToEndTest.internal(server, "GET", "/internal/v1/access-token?appId=wxnone", key)))
                .isEqualTo(400);
        String accessToken = read(InternalApiEndToEndTest.internal(server, "GET", "/internal/v1/access-token", key).body())
                .get("accessToken").asText();
        forbid(accessToken, "the access_token the internal API handed out");

        server.close();
        toClose.remove(server);

        List<String> lines = capture.snapshot();
        assertThat(lines).anyMatch(line -> line.contains("user disabled user=" + user));
        assertThat(lines).anyMatch(line -> line.contains("/internal/v1/users/{id}/disable 204"));
        assertNothingSecretIn(lines);
        assertNothingSecretInErrorBodies();
    }

    /**
     * Phone numbers, the session_key check and its reset (issue 8): no access_token (the one handed out, nor its
     * replacement after a rejection), no phone code, no session_key old or new, no checksession signature, and no
     * phone number but masked, at DEBUG, in the failing flows too.
     */
    @Test
    void phoneAndSessionKeyFlowsLogNoAccessTokenSessionKeyOrUnmaskedPhone() throws Exception {
        TestServer server = TestServer.start(temp.resolve("phone"), Map.of("WXLOGIN_LOG_LEVEL", "DEBUG"));
        toClose.add(server);
        ForStoringUsers users = server.server().component(ForStoringUsers.class).orElseThrow();
        ForGettingAccessTokens tokens = server.server().component(ForGettingAccessTokens.class).orElseThrow();
        AppId app = server.sandbox().miniPrograms().getFirst().appId();
        forbid(tokens.current(app).token().value(), "the access_token");

        JsonNode alice = loggedIn(server, code(server, "phone-alice"), users);
        String token = alice.get("token").asText();
        UserId aliceId = new UserId(alice.get("user").get("id").asText());
        HttpResponse<String> phone = registerPhone(server, token, phoneCode(server, "phone-alice"));
        assertThat(phone.statusCode()).isEqualTo(200);
        String pure = read(phone.body()).get("purePhoneNumber").asText();
        forbid(pure, "an unmasked phone number");
        assertThat(status(server.get("/api/v1/me", token))).isEqualTo(200);

        // A used code, a garbage code, a rejected token (replaced and retried), WeChat busy.
        String used = phoneCode(server, "phone-alice");
        registerPhone(server, token, used);
        assertThat(status(registerPhone(server, token, used))).isEqualTo(400);
        assertThat(status(registerPhone(server, token, "f".repeat(64)))).isEqualTo(400);
        server.sandbox().faults().rejectTokensForNext(1);
        assertThat(status(registerPhone(server, token, phoneCode(server, "phone-alice")))).isEqualTo(200);
        forbid(tokens.current(app).token().value(), "the replacement access_token");
        server.sandbox().faults().clear().busyForNext(10);
        assertThat(status(registerPhone(server, token, phoneCode(server, "phone-alice")))).isEqualTo(503);
        server.sandbox().faults().clear();

        // The session_key check and the operator's reset.
        SessionKey key = users.sessionKeyOf(aliceId).orElseThrow();
        ForCheckingSessionKeys checks = server.server().component(ForCheckingSessionKeys.class).orElseThrow();
        OpenId openId = users.findById(aliceId).orElseThrow().openId();
        assertThat(checks.isCurrent(tokens.current(app).token(), app, openId, key)).isTrue();
        server.server().component(ForResettingSessionKeys.class).orElseThrow().reset(aliceId);
        SessionKey replacement = users.sessionKeyOf(aliceId).orElseThrow();
        forbid(replacement.value(), "the session_key a reset gave");
        for (SessionKey signed : List.of(key, replacement)) {
            forbid(HexFormat.of().formatHex(hmacSha256(signed.value())), "a checksession signature");
        }
        assertThat(checks.isCurrent(tokens.current(app).token(), app, openId, key)).isFalse();

        server.close();
        toClose.remove(server);

        List<String> lines = capture.snapshot();
        assertThat(lines).anyMatch(line -> line.contains("phone number registered user=" + aliceId)
                && line.contains(pure.substring(0, 3) + "****" + pure.substring(7)));
        assertThat(lines).anyMatch(line -> line.contains("getPhoneNumber appid=") && line.contains("errcode 40001"));
        assertThat(lines).anyMatch(line -> line.contains("checkSession appid="));
        assertThat(lines).anyMatch(line -> line.contains("session_key reset user=" + aliceId));
        assertThat(lines).noneMatch(line -> line.contains("access_token=") || line.contains("signature="));
        assertNothingSecretIn(lines);
        assertNothingSecretInErrorBodies();
    }

    private String phoneCode(TestServer server, String user) {
        HttpResponse<String> minted = server.postJson("/sandbox/phone-code", "{\"user\":\"" + user + "\"}");
        String code = read(minted.body()).get("code").asText();
        forbid(code, "a phone code minted for " + user);
        return code;
    }

    private static HttpResponse<String> registerPhone(TestServer server, String token, String code) {
        return server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/phone")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")));
    }

    private static byte[] hmacSha256(String key) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return hmac.doFinal();
    }

    /**
     * A settings record holds the data key and the database password: its toString must not show them, or the
     * first "starting with {}" log line, exception message or debugger dump would print them.
     */
    @Test
    void settingsNeverPrintTheirSecrets() {
        String dataKey = Base64.getEncoder().encodeToString(randomBytes(32));
        String retiredKey = Base64.getEncoder().encodeToString(randomBytes(32));
        Settings settings = Settings.from(new ConfigurationSource(Map.of(
                "WXLOGIN_APP_ID", "wx1234567890abcdef",
                "WXLOGIN_APP_SECRET", "app-secret-in-settings",
                "WXLOGIN_DATA_KEY", dataKey,
                "WXLOGIN_DATA_KEYS_RETIRED", retiredKey,
                "WXLOGIN_DB_URL", "jdbc:h2:mem:x;PASSWORD=url-password-in-settings",
                "WXLOGIN_DB_PASSWORD", "db-password-in-settings",
                "WXLOGIN_INTERNAL_API_KEYS", "internal-api-key-in-settings-0123456789")));

        assertThat(settings.toString())
                .doesNotContain("app-secret-in-settings")
                .doesNotContain(dataKey)
                .doesNotContain(retiredKey)
                .doesNotContain("db-password-in-settings")
                .doesNotContain("url-password-in-settings")
                .doesNotContain("internal-api-key-in-settings");
    }

    // --- flows --------------------------------------------------------------------------------------------

    private String code(TestServer server, String user) {
        String code = server.code(user);
        forbid(code, "a code minted for " + user);
        return code;
    }

    /** Logs in, remembers the token and the session_key WeChat just gave (the sandbox rotates it every time). */
    private JsonNode loggedIn(TestServer server, String code, ForStoringUsers users) {
        HttpResponse<String> response = server.login(code);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = read(response.body());
        forbid(body.get("token").asText(), "a token issued");
        SessionKey key = users.sessionKeyOf(new UserId(body.get("user").get("id").asText())).orElseThrow();
        forbid(key.value(), "a session_key");
        return body;
    }

    private int status(HttpResponse<String> response) {
        record(response);
        return response.statusCode();
    }

    private HttpResponse<String> openData(TestServer server, String token, String body) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/open-data"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        record(response);
        return response;
    }

    private void record(HttpResponse<String> response) {
        if (response.statusCode() >= 400) {
            errorResponses.add(response);
        }
    }

    private void forbid(String value, String what) {
        secrets.put(value, what);
    }

    // --- checks -------------------------------------------------------------------------------------------

    private void assertNothingSecretIn(List<String> lines) {
        Set<String> hits = new LinkedHashSet<>();
        for (String line : lines) {
            secrets.forEach((value, what) -> {
                if (line.contains(value)) {
                    hits.add(what + " in: " + line);
                }
            });
            for (String marker : List.of("secret=", "js_code=")) {
                if (line.contains(marker)) {
                    hits.add("'" + marker + "' in: " + line);
                }
            }
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(5);
        assertThat(hits).as("secrets in %d captured log lines", lines.size()).isEmpty();
    }

    private void assertNothingSecretInErrorBodies() {
        assertThat(errorResponses).isNotEmpty();
        for (HttpResponse<String> response : errorResponses) {
            String everything = response.body() + response.headers().map();
            secrets.forEach((value, what) ->
                    assertThat(everything).as("%s in the %d response", what, response.statusCode()).doesNotContain(value));
            assertThat(everything).doesNotContain("secret=").doesNotContain("js_code=").doesNotContain("session_key\":");
        }
    }

    private static String randomToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Renders each event at once, the whole of it: level, logger, message, arguments, MDC, key-values, throwable. */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder()
                    .append(event.getLevel()).append(' ').append(event.getLoggerName())
                    .append(" [").append(event.getThreadName()).append("] ")
                    .append(event.getFormattedMessage());
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    line.append(" | arg=").append(argument);
                }
            }
            if (!event.getMDCPropertyMap().isEmpty()) {
                line.append(" | mdc=").append(event.getMDCPropertyMap());
            }
            if (event.getKeyValuePairs() != null) {
                line.append(" | kv=").append(event.getKeyValuePairs());
            }
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }

        List<String> snapshot() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}

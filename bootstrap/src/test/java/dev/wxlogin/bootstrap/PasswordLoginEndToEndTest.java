package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 through the real server, on every database engine: registration, password login, binding both ways and
 * their conflicts, failure limits and their reset, a password change ending the account's other sessions, the rehash
 * of an outdated hash, and one answer for an unknown name and a wrong password. Every test uses names and client
 * addresses (X-Forwarded-For, from a trusted loopback proxy) of its own, so that the limits of one do not reach another.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class PasswordLoginEndToEndTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "staple grape lantern";
    private static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final Map<String, String> SETTINGS = Map.of("WXLOGIN_RATE_LOGIN_PER_IP", "0",
            "WXLOGIN_RATE_LOGIN_GLOBAL", "0", "WXLOGIN_RATE_API_PER_IP", "0", "WXLOGIN_TRUSTED_PROXIES", "127.0.0.1",
            "WXLOGIN_DATA_KEY", DATA_KEY);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private static TestServer server;
    private static TestDatabase database;

    private final Engine engine;
    private final int id = CLIENTS.incrementAndGet();
    /** This test's own client address. */
    private final String client = "198.51.100." + (id % 250 + 1);

    PasswordLoginEndToEndTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeParameterizedClassInvocation
    static void startTheServer(Engine engine) {
        database = engine.createDatabase();
        server = TestServer.on(database, SETTINGS);
    }

    @AfterParameterizedClassInvocation
    static void stopTheServer() {
        server.close();
    }

    private HttpResponse<String> send(TestServer on, String method, String path, String json, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(on.uri(path)).header("X-Forwarded-For", client)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return on.send(request);
    }

    private HttpResponse<String> register(String username, String password) {
        return send(server, "POST", "/api/v1/accounts", credentials(username, password), null);
    }

    private HttpResponse<String> logIn(TestServer on, String username, String password) {
        return send(on, "POST", "/api/v1/login/password", credentials(username, password), null);
    }

    private HttpResponse<String> logIn(String username, String password) {
        return logIn(server, username, password);
    }

    private static String credentials(String username, String password) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    }

    private static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return read(response.body());
    }

    private static String tokenOf(HttpResponse<String> response) {
        return read(response.body()).get("token").asText();
    }

    private static JsonNode me(String token) {
        return ok(server.get("/api/v1/me", token), 200);
    }

    /** A name of this test's own, on this engine's database. */
    private String name(String base) {
        return base + "-" + engine.name().toLowerCase(Locale.ROOT).charAt(0) + id;
    }

    @Test
    void aRegisteredAccountIsLoggedInAndItsPasswordLogsItInAgain() {
        String alice = name("Alice");
        JsonNode registered = ok(register(alice, PASSWORD), 201);
        String account = registered.get("account").get("id").asText();
        assertThat(registered.get("account").get("username").asText()).isEqualTo(alice.toLowerCase(Locale.ROOT));
        assertThat(registered.get("account").get("newAccount").asBoolean()).isTrue();
        assertThat(registered.get("tokenType").asText()).isEqualTo("Bearer");

        JsonNode me = me(registered.get("token").asText());
        assertThat(me.get("accountId").asText()).isEqualTo(account);
        assertThat(me.get("username").asText()).isEqualTo(alice.toLowerCase(Locale.ROOT));
        assertThat(me.get("id").isNull()).isTrue();
        assertThat(me.get("session").get("method").asText()).isEqualTo("password");

        JsonNode login = ok(logIn(alice.toUpperCase(Locale.ROOT), PASSWORD), 200);
        assertThat(login.get("account").get("id").asText()).isEqualTo(account);
        assertThat(login.get("account").get("newAccount").asBoolean()).isFalse();
        JsonNode sessions = ok(server.get("/api/v1/sessions", login.get("token").asText()), 200).get("sessions");
        assertThat(sessions).hasSize(2).allSatisfy(session -> assertThat(session.get("method").asText()).isEqualTo("password"));
        assertThat(sessions.get(1).get("clientIp").asText()).isEqualTo(client);

        assertThat(server.post("/api/v1/logout", login.get("token").asText()).statusCode()).isEqualTo(204);
        assertThat(server.get("/api/v1/me", login.get("token").asText()).statusCode()).isEqualTo(401);
    }

    @Test
    void ofEightRegistrationsOfOneNameAtOnceInEveryCaseAndWidthExactlyOneMakesAnAccount() throws Exception {
        String race = name("race");
        List<String> spellings = List.of(race, race.toUpperCase(Locale.ROOT), "Ｒ" + race.substring(1), race.substring(0, 1).toUpperCase(Locale.ROOT)
                + race.substring(1), race, race.toUpperCase(Locale.ROOT), race, race);
        long accountsBefore = server.rows("account");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(spellings.size())) {
            for (String spelling : spellings) {
                answers.add(threads.submit(() -> {
                    go.await();
                    return register(spelling, PASSWORD);
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(problemCode(response)).isEqualTo("username_taken");
                }
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        }
        assertThat(server.rows("account") - accountsBefore).isEqualTo(1);
    }

    @Test
    void aWeChatUserSetsAPasswordAndBothMethodsReachOneAccount() {
        String user = name("wx-alice");
        String wechat = server.tokenFor(user);
        String account = me(wechat).get("accountId").asText();

        JsonNode set = ok(send(server, "PUT", "/api/v1/me/password", credentials(user, PASSWORD), wechat), 200);

        assertThat(set.get("username").asText()).isEqualTo(user);
        assertThat(ok(logIn(user, PASSWORD), 200).get("account").get("id").asText()).isEqualTo(account);
        assertThat(me(wechat).get("accountId").asText()).isEqualTo(account);
    }

    @Test
    void aPasswordAccountAddsWeChatAndBothMethodsReachOneAccount() {
        String web = name("web-bob");
        JsonNode registered = ok(register(web, PASSWORD), 201);
        String account = registered.get("account").get("id").asText();
        String wechatUser = name("wx-bob");

        JsonNode bound = ok(send(server, "POST", "/api/v1/me/wechat",
                "{\"code\":\"" + server.wxLogin(wechatUser) + "\"}", registered.get("token").asText()), 200);

        assertThat(bound.get("user").get("accountId").asText()).isEqualTo(account);
        JsonNode wechat = ok(server.login(server.wxLogin(wechatUser)), 200);
        assertThat(wechat.get("user").get("accountId").asText()).isEqualTo(account);
        assertThat(wechat.get("user").get("id").asText()).isEqualTo(bound.get("user").get("id").asText());
    }

    @Test
    void aUsernameOrAWeChatUserOfAnotherAccountIsAConflictThatChangesNothing() {
        String taken = name("taken");
        ok(register(taken, PASSWORD), 201);
        String carol = name("wx-carol");
        String carolsToken = server.tokenFor(carol);
        String carolsAccount = me(carolsToken).get("accountId").asText();
        JsonNode web = ok(register(name("web-dan"), PASSWORD), 201);
        long usersBefore = server.rows("app_user");

        HttpResponse<String> nameTaken = send(server, "PUT", "/api/v1/me/password", credentials(taken.toUpperCase(Locale.ROOT),
                NEW_PASSWORD), carolsToken);
        HttpResponse<String> weChatTaken = send(server, "POST", "/api/v1/me/wechat",
                "{\"code\":\"" + server.wxLogin(carol) + "\"}", web.get("token").asText());

        assertThat(nameTaken.statusCode()).isEqualTo(409);
        assertThat(problemCode(nameTaken)).isEqualTo("username_taken");
        assertThat(weChatTaken.statusCode()).isEqualTo(409);
        assertThat(problemCode(weChatTaken)).isEqualTo("wechat_bound_elsewhere");
        assertThat(server.rows("app_user")).isEqualTo(usersBefore);
        assertThat(ok(server.login(server.wxLogin(carol)), 200).get("user").get("accountId").asText()).isEqualTo(carolsAccount);
        assertThat(ok(logIn(taken, PASSWORD), 200).get("account").get("id").asText()).isNotEqualTo(carolsAccount);
    }

    @Test
    void aUsernameLocksAfterFiveFailuresAndASuccessBeforeThatStartsTheCountAgain() {
        String erin = name("erin");
        ok(register(erin, PASSWORD), 201);

        for (int i = 0; i < 4; i++) {
            assertThat(logIn(erin, "not the password").statusCode()).isEqualTo(401);
        }
        ok(logIn(erin, PASSWORD), 200); // resets the name's count
        for (int i = 0; i < 4; i++) {
            assertThat(logIn(erin, "not the password").statusCode()).isEqualTo(401);
        }
        ok(logIn(erin, PASSWORD), 200);
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(erin, "not the password").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = logIn(erin, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(problemCode(locked)).isEqualTo("rate_limited");
        assertThat(locked.headers().firstValue("Retry-After")).hasValueSatisfying(
                wait -> assertThat(Integer.parseInt(wait)).isBetween(1, 60));
    }

    /** The per-client limit: one address guessing at many names is stopped, whatever names it tries next. */
    @Test
    void aClientLocksAfterTwentyFailuresWhateverUsernamesItTries() {
        String judy = name("judy");
        ok(register(judy, PASSWORD), 201);

        for (int i = 0; i < 20; i++) {
            assertThat(logIn(name("guess" + i), PASSWORD).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> locked = logIn(judy, PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(problemCode(locked)).isEqualTo("rate_limited");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void aCommonPasswordIsRefusedAndRegistersNothing() {
        long accountsBefore = server.rows("account");

        HttpResponse<String> common = register(name("kim"), "Password123");

        assertThat(common.statusCode()).isEqualTo(400);
        assertThat(problemCode(common)).isEqualTo("common_password");
        assertThat(server.rows("account")).isEqualTo(accountsBefore);
    }

    @Test
    void aChangedPasswordEndsTheAccountsOtherSessionsOfBothMethodsAndKeepsTheCallers() {
        String frank = name("frank");
        String laptop = tokenOf(register(frank, PASSWORD));
        String tablet = tokenOf(logIn(frank, PASSWORD));
        String wechatUser = name("wx-frank");
        ok(send(server, "POST", "/api/v1/me/wechat", "{\"code\":\"" + server.wxLogin(wechatUser) + "\"}", laptop), 200);
        String phone = tokenOf(server.login(server.wxLogin(wechatUser)));

        HttpResponse<String> wrong = send(server, "PUT", "/api/v1/me/password",
                "{\"password\":\"" + NEW_PASSWORD + "\",\"currentPassword\":\"not the password\"}", laptop);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(problemCode(wrong)).isEqualTo("wrong_current_password");
        assertThat(server.get("/api/v1/me", tablet).statusCode()).isEqualTo(200);

        ok(send(server, "PUT", "/api/v1/me/password",
                "{\"password\":\"" + NEW_PASSWORD + "\",\"currentPassword\":\"" + PASSWORD + "\"}", laptop), 200);

        assertThat(server.get("/api/v1/me", laptop).statusCode()).isEqualTo(200);
        for (String ended : List.of(tablet, phone)) {
            HttpResponse<String> refused = server.get("/api/v1/me", ended);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(problemCode(refused)).isEqualTo("session_revoked");
        }
        assertThat(logIn(frank, PASSWORD).statusCode()).isEqualTo(401);
        ok(logIn(frank, NEW_PASSWORD), 200);
    }

    @Test
    void anUnknownNameAndAWrongPasswordGetTheSameStatusAndBody() {
        String grace = name("grace");
        ok(register(grace, PASSWORD), 201);

        HttpResponse<String> unknown = logIn(name("nobody"), PASSWORD);
        HttpResponse<String> wrong = logIn(grace, "not the password");

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(problemCode(unknown)).isEqualTo("invalid_credentials");
        assertThat(wrong.statusCode()).isEqualTo(unknown.statusCode());
        assertThat(wrong.body()).isEqualTo(unknown.body());
    }

    @Test
    void aPasswordSessionCannotUseWhatBelongsToAMiniProgramsUser() {
        String token = tokenOf(register(name("heidi"), PASSWORD));

        HttpResponse<String> phone = send(server, "POST", "/api/v1/me/phone", "{\"code\":\"any\"}", token);
        HttpResponse<String> profile = send(server, "PUT", "/api/v1/me/profile", "{\"nickname\":\"Heidi\"}", token);

        for (HttpResponse<String> refused : List.of(phone, profile)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            assertThat(problemCode(refused)).isEqualTo("wechat_session_required");
        }
    }

    /** Issue 12, item 3: a hash made at another cost is replaced, at the current cost, by the next successful login. */
    @Test
    void aLoginRehashesAPasswordHashedAtAnOutdatedCost() {
        String ivan = name("ivan");
        try (TestServer cheap = TestServer.on(database, withSettings("WXLOGIN_PASSWORD_HASH_MEMORY_KIB", "8192",
                "WXLOGIN_PASSWORD_HASH_ITERATIONS", "1"))) {
            assertThat(send(cheap, "POST", "/api/v1/accounts", credentials(ivan, PASSWORD), null).statusCode())
                    .isEqualTo(201);
        }
        assertThat(storedHash(ivan)).contains("m=8192,t=1,");

        ok(logIn(ivan, PASSWORD), 200);

        assertThat(storedHash(ivan)).contains("m=32768,t=2,");
        ok(logIn(ivan, PASSWORD), 200);
    }

    private static Map<String, String> withSettings(String... keysAndValues) {
        Map<String, String> settings = new HashMap<>(SETTINGS);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            settings.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return settings;
    }

    private static String storedHash(String username) {
        return server.component(Database.class).jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT password_hash FROM account_password WHERE provider = 'username' AND subject = :name")
                .bind("name", username.toLowerCase(Locale.ROOT)).mapTo(String.class).one());
    }
}

package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.port.in.ForDisablingUsers;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Logins, logouts and device management racing each other on real threads against the real server
 * (security.md C2-C5, L6, L7), and the session-management endpoints, on every database engine.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class SessionRacesEndToEndTest {
    /** The default policy (multiple devices, at most 5); tests use their own simulated users. */
    private static TestServer server;

    private final Engine engine;

    SessionRacesEndToEndTest(Engine engine) {
        this.engine = engine;
    }

    @BeforeParameterizedClassInvocation
    static void startTheServer(Engine engine) {
        server = TestServer.on(engine.createDatabase(), Map.of());
    }

    @AfterParameterizedClassInvocation
    static void stopTheServer() {
        server.close();
    }

    @Test
    void oneCodeSentTenTimesAtOnceLogsInOnceAndReachesWeChatOnce() throws Exception { // C2
        String code = server.wxLogin("alice");
        long calls = server.sandbox().exchangeCalls();
        long sessions = server.rows("user_session");

        List<HttpResponse<String>> responses = allAtOnce(10, i -> server.login(code));

        assertThat(statuses(responses)).containsOnly(200, 409).filteredOn(s -> s == 200).hasSize(1);
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(problemCode(r)).isEqualTo("code_used"));
        assertThat(server.sandbox().exchangeCalls() - calls).isEqualTo(1);
        assertThat(server.rows("user_session") - sessions).isEqualTo(1);
    }

    @Test
    void tenFirstLoginsOfOneUserAtOnceMakeOneUser() throws Exception { // C3
        List<String> codes = IntStream.range(0, 10).mapToObj(i -> server.wxLogin("carol")).toList();
        long usersBefore = server.rows("app_user");

        List<HttpResponse<String>> responses = allAtOnce(10, i -> server.login(codes.get(i)));

        assertThat(statuses(responses)).containsOnly(200);
        List<JsonNode> users = responses.stream().map(r -> read(r.body()).get("user")).toList();
        assertThat(users).extracting(u -> u.get("id").asText()).containsOnly(users.getFirst().get("id").asText());
        assertThat(users).filteredOn(u -> u.get("newUser").asBoolean()).hasSize(1);
        assertThat(server.rows("app_user") - usersBefore).isEqualTo(1);
    }

    @Test
    void underTheSinglePolicyEightSimultaneousLoginsLeaveExactlyOneSession() throws Exception { // C4
        try (TestServer single = TestServer.on(engine.createDatabase(), Map.of("WXLOGIN_SESSION_POLICY", "single"))) {
            List<String> codes = IntStream.range(0, 8).mapToObj(i -> single.wxLogin("dave")).toList();

            List<HttpResponse<String>> logins = allAtOnce(8, i -> single.login(codes.get(i)));
            assertThat(statuses(logins)).containsOnly(200);

            List<HttpResponse<String>> checks = logins.stream().map(r -> single.get("/api/v1/me", token(r))).toList();
            assertThat(checks).filteredOn(r -> r.statusCode() == 200).hasSize(1);
            assertThat(checks).filteredOn(r -> r.statusCode() != 200)
                    .hasSize(7)
                    .allSatisfy(r -> assertThat(problemCode(r)).isEqualTo("session_replaced"));
        }
    }

    @Test
    void aThirdDeviceEndsTheOldestWhenTwoAreAllowed() {
        try (TestServer two = TestServer.on(engine.createDatabase(), Map.of("WXLOGIN_SESSION_MAX_PER_USER", "2"))) {
            String first = two.tokenFor("erin");
            String second = two.tokenFor("erin");
            String third = two.tokenFor("erin");

            HttpResponse<String> oldest = two.get("/api/v1/me", first);
            assertThat(oldest.statusCode()).isEqualTo(401);
            assertThat(problemCode(oldest)).isEqualTo("session_replaced");
            assertThat(two.get("/api/v1/me", second).statusCode()).isEqualTo(200);
            assertThat(two.get("/api/v1/me", third).statusCode()).isEqualTo(200);

            JsonNode sessions = read(two.get("/api/v1/sessions", third).body()).get("sessions");
            assertThat(sessions).hasSize(2);
            assertThat(sessions).filteredOn(s -> s.get("current").asBoolean()).singleElement()
                    .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(sessionIdOf(two, third)));
            assertThat(sessions.toString()).doesNotContain(first).doesNotContain(second).doesNotContain(third);
        }
    }

    /** C5: once the logout response is in, no request started afterwards gets through, on any thread. */
    @Test
    void noRequestStartedAfterLogoutReturnedSucceeds() throws Exception {
        String token = server.tokenFor("frank");
        record Use(long startedNanos, int status, String code) {}
        List<Use> uses = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch warmedUp = new CountDownLatch(8);
        long loggedOut;

        try (ExecutorService phones = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < 4; t++) {
                phones.submit(() -> {
                    while (!stop.get()) {
                        long started = System.nanoTime();
                        HttpResponse<String> me = server.get("/api/v1/me", token);
                        uses.add(new Use(started, me.statusCode(), me.statusCode() == 200 ? "" : problemCode(me)));
                        warmedUp.countDown();
                    }
                    return null;
                });
            }
            try {
                assertThat(warmedUp.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(server.post("/api/v1/logout", token).statusCode()).isEqualTo(204);
                loggedOut = System.nanoTime();
                long since = loggedOut;
                awaitUntil(() -> countStartedAfter(uses, since, Use::startedNanos) >= 20);
            } finally {
                stop.set(true);
            }
        }

        List<Use> after = uses.stream().filter(u -> u.startedNanos() > loggedOut).toList();
        assertThat(uses).filteredOn(u -> u.status() == 200).isNotEmpty();
        assertThat(after).isNotEmpty().allSatisfy(u -> {
            assertThat(u.status()).isEqualTo(401);
            assertThat(u.code()).isEqualTo("session_revoked");
        });
    }

    @Test
    void aUserEndsAnotherOfTheirDevicesButNotSomeoneElses() {
        String phone = server.tokenFor("grace");
        String tablet = server.tokenFor("grace");
        String mallory = server.tokenFor("mallory");

        HttpResponse<String> someoneElses = server.delete("/api/v1/sessions/" + sessionIdOf(mallory), phone);
        assertThat(someoneElses.statusCode()).isEqualTo(404);
        assertThat(problemCode(someoneElses)).isEqualTo("not_found");
        assertThat(server.get("/api/v1/me", mallory).statusCode()).isEqualTo(200);

        assertThat(server.delete("/api/v1/sessions/" + sessionIdOf(tablet), phone).statusCode()).isEqualTo(204);
        HttpResponse<String> ended = server.get("/api/v1/me", tablet);
        assertThat(ended.statusCode()).isEqualTo(401);
        assertThat(problemCode(ended)).isEqualTo("session_revoked");
        assertThat(server.get("/api/v1/me", phone).statusCode()).isEqualTo(200);
    }

    @Test
    void logoutAllEndsEveryDeviceOfTheCallerOnly() {
        List<String> mine = List.of(server.tokenFor("heidi"), server.tokenFor("heidi"), server.tokenFor("heidi"));
        String someoneElse = server.tokenFor("ivan");

        HttpResponse<String> all = server.post("/api/v1/logout-all", mine.getFirst());

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(read(all.body()).get("ended").asInt()).isEqualTo(3);
        mine.forEach(token -> assertThat(problemCode(server.get("/api/v1/me", token))).isEqualTo("session_revoked"));
        assertThat(server.get("/api/v1/me", someoneElse).statusCode()).isEqualTo(200);
    }

    @Test
    void disablingAUserEndsEverySessionAndRefusesNewLoginsWithoutRecordingThem() { // L7
        HttpResponse<String> login = server.login(server.wxLogin("judy"));
        String phone = token(login);
        String tablet = server.tokenFor("judy");
        UserId judy = new UserId(read(login.body()).get("user").get("id").asText());

        server.component(ForDisablingUsers.class).disable(judy);

        for (String token : List.of(phone, tablet)) {
            HttpResponse<String> me = server.get("/api/v1/me", token);
            assertThat(me.statusCode()).isEqualTo(401);
            assertThat(problemCode(me)).isEqualTo("session_revoked");
        }
        ForStoringUsers users = server.component(ForStoringUsers.class);
        SessionKey keyBefore = users.sessionKeyOf(judy).orElseThrow();
        long sessionsBefore = server.rows("user_session");

        HttpResponse<String> again = server.login(server.wxLogin("judy")); // the sandbox hands out a new session_key

        assertThat(again.statusCode()).isEqualTo(403);
        assertThat(problemCode(again)).isEqualTo("account_disabled");
        assertThat(again.body()).doesNotContain("token");
        assertThat(users.sessionKeyOf(judy)).contains(keyBefore);
        assertThat(server.rows("user_session")).isEqualTo(sessionsBefore);
    }

    // --- helpers

    private interface Call {
        HttpResponse<String> make(int index) throws Exception;
    }

    /** {@code n} calls on {@code n} platform threads, released together. */
    private static List<HttpResponse<String>> allAtOnce(int n, Call call) throws Exception {
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(n)) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<HttpResponse<String>> task = () -> {
                    ready.countDown();
                    go.await();
                    return call.make(index);
                };
                futures.add(threads.submit(task));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(30, TimeUnit.SECONDS));
            }
            return responses;
        }
    }

    private static List<Integer> statuses(List<HttpResponse<String>> responses) {
        return responses.stream().map(HttpResponse::statusCode).toList();
    }

    private static String token(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return read(login.body()).get("token").asText();
    }

    private static String sessionIdOf(String token) {
        return sessionIdOf(server, token);
    }

    private static String sessionIdOf(TestServer server, String token) {
        return read(server.get("/api/v1/me", token).body()).get("session").get("id").asText();
    }

    private static <T> long countStartedAfter(List<T> uses, long nanos, ToLongFunction<T> started) {
        synchronized (uses) {
            return uses.stream().filter(u -> started.applyAsLong(u) > nanos).count();
        }
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances sharing one database, as behind a load balancer, on every database engine: what one instance
 * decides, the other enforces on the very next request. Each instance has its own sandbox, and the sandboxes give
 * a simulated user the same openid.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class TwoInstancesEndToEndTest {
    private static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private final TestDatabase database;
    private final List<TestServer> instances = new ArrayList<>();

    TwoInstancesEndToEndTest(Engine engine) {
        database = engine.createDatabase();
    }

    @AfterEach
    void stopEverything() {
        instances.forEach(TestServer::close);
    }

    private TestServer instance(Map<String, String> settings) {
        Map<String, String> shared = new java.util.HashMap<>(Map.of("WXLOGIN_DATA_KEY", DATA_KEY));
        shared.putAll(settings);
        TestServer server = TestServer.on(database, shared);
        instances.add(server);
        return server;
    }

    @Test
    void aLogoutOnOneInstanceEndsTheSessionOnTheOtherAtOnce() { // security.md L3
        TestServer a = instance(Map.of());
        TestServer b = instance(Map.of());
        String token = read(a.login(a.wxLogin("alice")).body()).get("token").asText();
        assertThat(b.get("/api/v1/me", token).statusCode()).isEqualTo(200);

        assertThat(a.post("/api/v1/logout", token).statusCode()).isEqualTo(204);

        HttpResponse<String> after = b.get("/api/v1/me", token);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(problemCode(after)).isEqualTo("session_revoked");
    }

    @Test
    void aCodeUsedOnOneInstanceIsRefusedOnTheOtherWithoutAskingWeChat() {
        TestServer a = instance(Map.of());
        TestServer b = instance(Map.of());
        String code = a.wxLogin("bob");
        assertThat(a.login(code).statusCode()).isEqualTo(200);
        long callsOfB = b.sandbox().exchangeCalls();

        HttpResponse<String> replay = b.login(code);

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(problemCode(replay)).isEqualTo("code_used");
        assertThat(b.sandbox().exchangeCalls()).isEqualTo(callsOfB);
    }

    @Test
    void simultaneousLoginsOfOneUserOnBothInstancesLeaveOneSessionUnderTheSinglePolicy() throws Exception { // C4
        TestServer a = instance(Map.of("WXLOGIN_SESSION_POLICY", "single"));
        TestServer b = instance(Map.of("WXLOGIN_SESSION_POLICY", "single"));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(a.wxLogin("carol"));
            codes.add(b.wxLogin("carol"));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(codes.size())) {
            for (int i = 0; i < codes.size(); i++) {
                TestServer via = i % 2 == 0 ? a : b;
                String code = codes.get(i);
                tokens.add(threads.submit(() -> {
                    start.await();
                    HttpResponse<String> login = via.login(code);
                    assertThat(login.statusCode()).isEqualTo(200);
                    return read(login.body()).get("token").asText();
                }));
            }
            start.countDown();
            List<String> issued = new ArrayList<>();
            for (Future<String> token : tokens) {
                issued.add(token.get());
            }
            int live = 0; // judged only once every login has finished
            for (String token : issued) {
                HttpResponse<String> me = a.get("/api/v1/me", token);
                if (me.statusCode() == 200) {
                    live++;
                } else {
                    assertThat(problemCode(me)).isEqualTo("session_replaced");
                }
            }
            assertThat(live).isEqualTo(1);
        }
    }
}

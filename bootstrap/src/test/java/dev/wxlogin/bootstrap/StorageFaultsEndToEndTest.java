package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.testing.DatabaseServer;
import dev.wxlogin.adapters.persistence.testing.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running server (security.md F6, F7), and comes back: a server of each engine that
 * the tests stop and start again. Nothing may fail open: no token without a committed row, no request
 * authenticated without a read; and nothing acknowledged may be lost. Each test has a wxlogin server and a database
 * of its own, on one database server per engine, running when the test starts: setting one up takes longer than
 * the tests.
 */
@ParameterizedClass
@EnumSource(Engine.class)
class StorageFaultsEndToEndTest {
    /** The engine's, for all the tests of its invocation. */
    private static DatabaseServer database;
    private TestServer server;

    /** JUnit hands the engine to createTheDatabaseServer only if the class declares it as its parameter. */
    StorageFaultsEndToEndTest(Engine engine) {
    }

    @BeforeParameterizedClassInvocation
    static void createTheDatabaseServer(Engine engine) {
        database = engine.startServer();
    }

    @AfterParameterizedClassInvocation
    static void closeTheDatabaseServer() {
        database.close();
    }

    @BeforeEach
    void startAServerOnADatabaseOfItsOwn() {
        database.start(); // the test before stopped it
        server = TestServer.on(database.createDatabase(), Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void withTheDatabaseDownNothingFailsOpenAndLivenessStillAnswers() {
        String token = server.tokenFor("alice");
        String code = server.wxLogin("bob");
        // No /ready before the stop: its database check is remembered for a second.

        database.stop();

        // Each waits out the pool's 3 s connection timeout, so they run side by side.
        CompletableFuture<HttpResponse<String>> login = CompletableFuture.supplyAsync(() -> server.login(code));
        CompletableFuture<HttpResponse<String>> me = CompletableFuture.supplyAsync(() -> server.get("/api/v1/me", token));
        CompletableFuture<HttpResponse<String>> ready = CompletableFuture.supplyAsync(() -> server.get("/ready"));

        assertThat(server.get("/health").statusCode()).isEqualTo(200);
        assertThat(login.join().statusCode()).isEqualTo(503); // F6
        assertThat(problemCode(login.join())).isEqualTo("storage_unavailable");
        assertThat(login.join().body()).doesNotContain("token");
        assertThat(login.join().headers().firstValue("Retry-After")).isPresent();
        assertThat(me.join().statusCode()).isEqualTo(503); // F7: fail closed, never 200
        assertThat(problemCode(me.join())).isEqualTo("storage_unavailable");
        assertThat(ready.join().statusCode()).isEqualTo(503);
        assertThat(problemCode(ready.join())).isEqualTo("not_ready");
        assertThat(ready.join().body()).contains("\"database\":\"DOWN\"");
    }

    /**
     * After an outage the pool holds connections to the old database server. Under steady traffic each must be
     * noticed and replaced, rather than handed out again and again: polled every 20 ms, the token must work again
     * within 5 s of the database coming back.
     */
    @Test
    void onceTheDatabaseIsBackRequestsRecoverWithoutAPauseInTraffic() throws Exception {
        String token = server.tokenFor("alice");
        List<String> acknowledged = List.of(server.tokenFor("carol"), server.tokenFor("dave"), server.tokenFor("carol"));
        String code = server.wxLogin("bob");
        database.stop();
        assertThat(server.login(code).statusCode()).isEqualTo(503);

        database.start();

        int me = 0;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); me != 200 && System.nanoTime() < deadline; ) {
            me = server.get("/api/v1/me", token).statusCode();
            Thread.sleep(20);
        }
        assertThat(me).as("/api/v1/me under steady traffic after the database came back").isEqualTo(200);
        assertThat(server.get("/ready").statusCode()).isEqualTo(200);
        assertThat(server.login(code).statusCode()).as("the code met the outage before WeChat saw it").isEqualTo(200);
        for (String before : acknowledged) {
            assertThat(server.get("/api/v1/me", before).statusCode()).as("a session acknowledged before").isEqualTo(200);
        }
    }
}

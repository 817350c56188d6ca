package dev.wxlogin.bootstrap;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under a running server (security.md F6, F7): an H2 server over TCP that the test
 * stops. Nothing may fail open: no token without a committed row, no request authenticated without a read.
 */
class StorageFaultsEndToEndTest {
    @TempDir
    Path dir;
    private Server database;
    private TestServer server;

    @BeforeEach
    void start() throws SQLException {
        database = Server.createTcpServer("-tcpPort", "0", "-baseDir", dir.resolve("db").toString(), "-ifNotExists").start();
        server = TestServer.start(dir.resolve("data"), Map.of(
                "WXLOGIN_DB_URL", "jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/wx;LOCK_TIMEOUT=10000",
                "WXLOGIN_DB_USER", "sa"));
    }

    @AfterEach
    void stop() {
        server.close();
        database.stop();
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
        String code = server.wxLogin("bob");
        int port = database.getPort();
        database.stop();
        assertThat(server.login(code).statusCode()).isEqualTo(503);

        database = Server.createTcpServer("-tcpPort", Integer.toString(port), "-baseDir", dir.resolve("db").toString(),
                "-ifNotExists").start();

        int me = 0;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5); me != 200 && System.nanoTime() < deadline; ) {
            me = server.get("/api/v1/me", token).statusCode();
            Thread.sleep(20);
        }
        assertThat(me).as("/api/v1/me under steady traffic after the database came back").isEqualTo(200);
        assertThat(server.get("/ready").statusCode()).isEqualTo(200);
        assertThat(server.login(code).statusCode()).as("the code met the outage before WeChat saw it").isEqualTo(200);
    }
}

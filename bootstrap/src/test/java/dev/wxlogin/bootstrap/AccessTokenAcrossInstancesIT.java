package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access_token service as a cluster runs it: three processes of the shipped jar on one PostgreSQL database, all
 * talking over HTTP to one sandbox playing WeChat, their tokens read through the internal API as business servers
 * read them. Runs beside the other integration tests: it mostly waits for tokens to age.
 */
@Execution(ExecutionMode.CONCURRENT)
class AccessTokenAcrossInstancesIT {
    private static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String API_KEY = "integration-test-internal-api-key-0123456789";
    private static final AppId APP = SandboxSettings.DEFAULT_APP.appId();

    @TempDir
    Path directory;
    private final TestDatabase database = Engine.POSTGRESQL.createDatabase();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    private WeChatSandbox wechat(Duration tokenLife) {
        WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().accessTokenTtl(tokenLife).build()).start();
        toClose.add(sandbox);
        return sandbox;
    }

    private List<ShippedJar> three(WeChatSandbox wechat) {
        Map<String, String> settings = new HashMap<>(TestServer.databaseVariables(database));
        settings.putAll(TestServer.realWeChatVariables(wechat, DATA_KEY, API_KEY));
        List<ShippedJar> jars = new ArrayList<>();
        for (String name : List.of("a", "b", "c")) {
            Path own = directory.resolve(name);
            own.toFile().mkdirs();
            ShippedJar jar = ShippedJar.start(own, settings);
            toClose.add(jar);
            jars.add(jar);
        }
        return jars;
    }

    private static HttpResponse<String> currentToken(ShippedJar jar) {
        return jar.send(jar.internalRequest("/internal/v1/access-token", API_KEY).GET());
    }

    private static HttpResponse<String> refresh(ShippedJar jar, String rejected) {
        return jar.send(jar.internalRequest("/internal/v1/access-token/refresh", API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"rejectedToken\":\"" + rejected + "\"}")));
    }

    private static String tokenIn(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body()).get("accessToken").asText();
    }

    /**
     * 48 seconds of 12-second tokens: four lifetimes. Each instance draws its own point in a token's last quarter to
     * refresh it (9.3-10.5 s into its life), and the lease lets only the first do so: about five refreshes, and the
     * very first fetch. A token replaced there still works for the 1.5 s or more it has left, longer than a
     * caller's look at the store and WeChat's verdict on what it was handed take.
     */
    @Test
    void forFourLifetimesEveryTokenHandedOutIsLiveAndTokensAreFetchedAboutOncePerLifetime() throws Exception {
        Duration life = Duration.ofSeconds(12);
        Duration run = life.multipliedBy(4);
        WeChatSandbox wechat = wechat(life);
        List<ShippedJar> jars = three(wechat);
        AtomicInteger handedOut = new AtomicInteger();
        Set<String> dead = ConcurrentHashMap.newKeySet();
        Set<String> tokens = ConcurrentHashMap.newKeySet();

        long end = System.nanoTime() + run.toNanos();
        try (ExecutorService callers = Executors.newFixedThreadPool(jars.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (ShippedJar jar : jars) {
                running.add(callers.submit(() -> {
                    while (System.nanoTime() < end) {
                        String token = tokenIn(currentToken(jar));
                        handedOut.incrementAndGet();
                        tokens.add(token);
                        if (!wechat.acceptsAccessToken(APP, token)) {
                            dead.add(token);
                        }
                        Thread.sleep(50);
                    }
                    return null;
                }));
            }
            for (Future<?> caller : running) {
                caller.get();
            }
        }

        assertThat(dead).as("tokens WeChat no longer accepted when an instance handed them out").isEmpty();
        assertThat(handedOut.get()).as("calls, over 8 a second").isGreaterThan((int) run.toSeconds() * 8);
        long lifetimes = run.toSeconds() / life.toSeconds();
        assertThat(wechat.accessTokenFetches()).isBetween(lifetimes, 2 * lifetimes);
        assertThat(tokens).hasSizeGreaterThanOrEqualTo((int) lifetimes);
    }

    /**
     * Instance A takes the lease for a passive refresh and dies while WeChat is slow to answer. The others keep
     * serving the stored token; a refresh they are asked for waits out the dead holder's lease (15 s) and then
     * succeeds, once, for the whole cluster.
     */
    @Test
    void whenTheLeaseHolderIsKilledMidRefreshAnotherInstanceRefreshesOnceTheLeaseLapses() throws Exception {
        WeChatSandbox wechat = wechat(Duration.ofMinutes(10));
        List<ShippedJar> jars = three(wechat);
        String rejected = tokenIn(currentToken(jars.get(0)));
        long fetchesBefore = wechat.accessTokenFetches();

        wechat.faults().latency(Duration.ofSeconds(2));
        CompletableFuture<HttpResponse<String>> dying = CompletableFuture.supplyAsync(() -> refresh(jars.get(0), rejected));
        while (wechat.accessTokenFetches() == fetchesBefore) { // A holds the lease and waits for WeChat
            Thread.sleep(20);
        }
        jars.get(0).kill();
        long killed = System.nanoTime();
        // Only A's call had to hang. B's two calls at 2 s each would race the client's 3-second request timeout on a
        // loaded machine, and one that lost would be a fourth fetch.
        wechat.faults().latency(Duration.ZERO);
        assertThat(dying).failsWithin(Duration.ofSeconds(30));

        String replacement = null;
        while (replacement == null) {
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).as("refreshed after the lease lapsed")
                    .isLessThan(Duration.ofSeconds(40));
            assertThat(tokenIn(currentToken(jars.get(2)))).as("the stored token, served meanwhile").isEqualTo(rejected);
            HttpResponse<String> refreshed = refresh(jars.get(1), rejected);
            if (refreshed.statusCode() == 200) {
                replacement = tokenIn(refreshed);
            } else {
                assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(503);
                assertThat(refreshed.headers().firstValue("Retry-After")).isPresent();
            }
        }
        Duration takenOver = Duration.ofNanos(System.nanoTime() - killed);

        assertThat(takenOver).as("not before the dead holder's lease lapsed").isGreaterThan(Duration.ofSeconds(10));
        assertThat(replacement).isNotEqualTo(rejected);
        assertThat(wechat.acceptsAccessToken(APP, replacement)).isTrue();
        assertThat(tokenIn(currentToken(jars.get(2)))).isEqualTo(replacement);
        // A's unanswered call; B's normal one, which answers the same stable token; B's forced one
        assertThat(wechat.accessTokenFetches() - fetchesBefore).isEqualTo(3);
    }
}

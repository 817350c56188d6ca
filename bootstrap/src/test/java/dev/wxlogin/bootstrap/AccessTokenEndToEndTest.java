package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access_token service through real servers: two instances on one database, talking to one sandbox over HTTP as
 * they would to WeChat, with short token lives so that several pass.
 */
class AccessTokenEndToEndTest {
    private static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final AppId APP = SandboxSettings.DEFAULT_APP.appId();
    private static final String API_KEY = "business-server-key-0123456789abcdef";

    private final TestDatabase database = Engine.H2.createDatabase();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    private WeChatSandbox sandbox(Duration tokenLife) {
        WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().accessTokenTtl(tokenLife).build()).start();
        toClose.add(sandbox);
        return sandbox;
    }

    /** An instance talking to {@code wechat} as to WeChat, its internal API open to {@link #API_KEY}. */
    private TestServer server(WeChatSandbox wechat) {
        TestServer server = TestServer.on(database, TestServer.realWeChatVariables(wechat, DATA_KEY, API_KEY));
        toClose.add(server);
        return server;
    }

    /** Its access_token service. */
    private ForGettingAccessTokens instance(WeChatSandbox wechat) {
        return server(wechat).server().component(ForGettingAccessTokens.class).orElseThrow();
    }

    private static HttpResponse<String> tokenFromTheInternalApi(TestServer server) {
        return InternalApiEndToEndTest.internal(server, "GET", "/internal/v1/access-token", API_KEY);
    }

    @Test
    void twoInstancesHandOutOnlyTokensWeChatAcceptsAndFetchAboutOncePerLifetime() throws Exception {
        WeChatSandbox wechat = sandbox(Duration.ofSeconds(6));
        List<ForGettingAccessTokens> instances = List.of(instance(wechat), instance(wechat));
        Set<String> handedOut = new HashSet<>();
        Instant started = Instant.now();
        Instant end = started.plusSeconds(13);

        for (int call = 0; Instant.now().isBefore(end); call++) {
            AccessTokenGrant grant = instances.get(call % 2).current(APP);
            assertThat(wechat.acceptsAccessToken(APP, grant.token().value()))
                    .as("token %d handed out at %s", handedOut.size(), Instant.now()).isTrue();
            handedOut.add(grant.token().value());
            Thread.sleep(20);
        }

        // 13 s of 6 s tokens, each replaced in its last 1.5 s: the first fetch and two or three refreshes, by either.
        long lifetimes = Duration.between(started, Instant.now()).toSeconds() / 6 + 1;
        assertThat(wechat.accessTokenFetches()).isBetween(lifetimes, 2 * lifetimes + 1);
        assertThat(handedOut).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void fiftyRejectionsOfOneTokenOnTwoInstancesReplaceItOnce() throws Exception {
        WeChatSandbox wechat = sandbox(SandboxSettings.DEFAULT_ACCESS_TOKEN_TTL);
        ForGettingAccessTokens a = instance(wechat);
        ForGettingAccessTokens b = instance(wechat);
        AccessToken rejected = a.current(APP).token();
        long before = wechat.accessTokenFetches();

        Set<AccessToken> replacements = new HashSet<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<AccessTokenGrant>> calls = new ArrayList<>();
            for (int n = 0; n < 50; n++) {
                ForGettingAccessTokens instance = n % 2 == 0 ? a : b;
                calls.add(threads.submit(() -> instance.replaceRejected(APP, rejected)));
            }
            for (Future<AccessTokenGrant> call : calls) {
                replacements.add(call.get().token());
            }
        }

        // stable_token answers the same token outside its last 5 minutes: one normal call, then one forced
        assertThat(wechat.accessTokenFetches() - before).isEqualTo(2);
        assertThat(replacements).singleElement().isNotEqualTo(rejected);
        assertThat(wechat.acceptsAccessToken(APP, replacements.iterator().next().value())).isTrue();
        assertThat(wechat.acceptsAccessToken(APP, rejected.value())).isFalse();
    }

    @Test
    void whileWeChatIsUnreachableTheInternalApiServesTheStoredTokenUntilItExpiresThen503() throws Exception {
        WeChatSandbox wechat = sandbox(Duration.ofSeconds(4));
        TestServer server = server(wechat);
        JsonNode stored = read(tokenFromTheInternalApi(server).body());
        Instant expiresAt = Instant.parse(stored.get("expiresAt").asText());
        wechat.faults().badGateway(true);

        // Judged by when each answer arrived: on a loaded machine a request sent 200 ms before the expiry was
        // answered after it, rightly with 503. An answer that arrived before the expiry was decided before it.
        int servedWhileUnreachable = 0;
        while (true) {
            HttpResponse<String> answer = tokenFromTheInternalApi(server);
            if (!Instant.now().isBefore(expiresAt)) {
                break;
            }
            assertThat(read(answer.body())).isEqualTo(stored);
            servedWhileUnreachable++;
            Thread.sleep(100);
        }
        assertThat(servedWhileUnreachable).isPositive();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis() + 1));

        HttpResponse<String> expired = tokenFromTheInternalApi(server);
        assertThat(expired.statusCode()).isEqualTo(503);
        assertThat(problemCode(expired)).isEqualTo("upstream_unavailable");
        assertThat(expired.headers().firstValue("Retry-After")).isPresent();
        wechat.faults().clear();
        HttpResponse<String> back = tokenFromTheInternalApi(server);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(wechat.acceptsAccessToken(APP, read(back.body()).get("accessToken").asText())).isTrue();
    }
}

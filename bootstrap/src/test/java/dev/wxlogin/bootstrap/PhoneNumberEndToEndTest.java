package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxFaults;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/me/phone} through the real server and the sandbox over loopback HTTP, as a mini program
 * uses it: log in, tap the getPhoneNumber button (the sandbox's {@code /sandbox/phone-code}), hand the code over.
 * The server gets its access_token from the central access_token service, which fetches it from the sandbox.
 */
// Alone: its count of WeChat lookups assumes that all 50 requests of the burst reach WeChat before their one refresh
// lands, which the load of other classes beside it can spread out too far.
@Isolated
class PhoneNumberEndToEndTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    @TempDir
    Path data;

    @AfterEach
    void wellBehavedAgain() {
        faults().clear();
    }

    private static SandboxFaults faults() {
        return server.sandbox().faults();
    }

    private static String phoneCode(String user) {
        return phoneCode(server, user);
    }

    private static String phoneCode(TestServer on, String user) {
        HttpResponse<String> minted = on.postJson("/sandbox/phone-code", "{\"user\":\"" + user + "\"}");
        assertThat(minted.statusCode()).isEqualTo(200);
        return read(minted.body()).get("code").asText();
    }

    private static HttpResponse<String> register(TestServer on, String token, String code) {
        return on.send(HttpRequest.newBuilder(on.uri("/api/v1/me/phone")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")));
    }

    private static HttpResponse<String> register(String token, String code) {
        return register(server, token, code);
    }

    private static JsonNode phoneOnMe(TestServer on, String token) {
        HttpResponse<String> me = on.get("/api/v1/me", token);
        assertThat(me.statusCode()).isEqualTo(200);
        return read(me.body()).get("phone");
    }

    @Test
    void theNumberIsAnsweredStoredAndShownByMeToItsOwnerOnly() {
        String alice = server.tokenFor("phone-alice");
        String bob = server.tokenFor("phone-bob");

        HttpResponse<String> registered = register(alice, phoneCode("phone-alice"));

        assertThat(registered.statusCode()).isEqualTo(200);
        JsonNode phone = read(registered.body());
        assertThat(phone.get("purePhoneNumber").asText()).matches("1[3-9][0-9]{9}");
        assertThat(phone.get("phoneNumber").asText()).isEqualTo(phone.get("purePhoneNumber").asText());
        assertThat(phone.get("countryCode").asText()).isEqualTo("86");
        assertThat(phoneOnMe(server, alice)).isEqualTo(phone);
        assertThat(phoneOnMe(server, bob).isNull()).isTrue();
        // the same user always has the same number
        assertThat(read(register(alice, phoneCode("phone-alice")).body())).isEqualTo(phone);
    }

    @Test
    void aCodeUsedTwiceIsInvalidAndChangesNothing() {
        String token = server.tokenFor("phone-twice");
        String code = phoneCode("phone-twice");
        JsonNode first = read(register(token, code).body());

        HttpResponse<String> again = register(token, code);

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(problemCode(again)).isEqualTo("invalid_phone_code");
        assertThat(again.body()).doesNotContain(code);
        assertThat(phoneOnMe(server, token)).isEqualTo(first);
    }

    @Test
    void anotherUsersCodeAndGarbageAreInvalidAndStoreNothing() {
        String token = server.tokenFor("phone-mallory");
        phoneOnMe(server, server.tokenFor("phone-victim"));

        for (String code : List.of(phoneCode("phone-victim"), "0".repeat(64), server.wxLogin("phone-mallory"))) {
            HttpResponse<String> refused = register(token, code);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(problemCode(refused)).isEqualTo("invalid_phone_code");
        }
        assertThat(phoneOnMe(server, token).isNull()).isTrue();
    }

    @Test
    void aTokenWeChatRejectsOnceIsReplacedAndTheRequestSucceeds() {
        String token = server.tokenFor("phone-rotated");
        String code = phoneCode("phone-rotated");
        long before = server.sandbox().phoneNumberCalls();
        faults().rejectTokensForNext(1);

        HttpResponse<String> registered = register(token, code);

        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(server.sandbox().phoneNumberCalls() - before).isEqualTo(2);
        assertThat(phoneOnMe(server, token)).isEqualTo(read(registered.body()));
    }

    /**
     * Someone else forced a refresh, so WeChat killed the token the server stored, and 50 users tap the button at
     * once: every call is refused with 40001 and reports the token; one of them has it replaced, the others get
     * that replacement, and all 50 retries succeed.
     */
    @Test
    void fiftyPhoneRequestsRightAfterWeChatKilledTheTokenAllSucceedWithOneRefresh() throws Exception {
        try (TestServer fresh = TestServer.start(data.resolve("burst"),
                Map.of("WXLOGIN_RATE_LOGIN_PER_IP", "0", "WXLOGIN_RATE_API_PER_IP", "0"))) {
            List<String> users = IntStream.range(0, 50).mapToObj(n -> "phone-burst-" + n).toList();
            List<String> tokens = users.stream().map(fresh::tokenFor).toList();
            List<String> codes = users.stream().map(user -> phoneCode(fresh, user)).toList();
            MiniProgram app = fresh.sandbox().miniPrograms().getFirst();
            fresh.server().component(ForGettingAccessTokens.class).orElseThrow().current(app.appId());
            HttpResponse<String> forced = fresh.send(HttpRequest.newBuilder(
                    fresh.sandbox().baseUrl().resolve("/cgi-bin/stable_token")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"grant_type\":\"client_credential\",\"appid\":\"" + app.appId().value() + "\",\"secret\":\""
                            + app.secret().value() + "\",\"force_refresh\":true}")));
            assertThat(forced.body()).contains("access_token");
            long fetches = fresh.sandbox().accessTokenFetches();
            long lookups = fresh.sandbox().phoneNumberCalls();

            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService taps = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int n = 0; n < users.size(); n++) {
                    String token = tokens.get(n);
                    String code = codes.get(n);
                    answers.add(taps.submit(() -> register(fresh, token, code)));
                }
                for (Future<HttpResponse<String>> answer : answers) {
                    statuses.add(answer.get().statusCode());
                }
            }

            assertThat(statuses).hasSize(50).containsOnly(200);
            assertThat(fresh.sandbox().accessTokenFetches() - fetches).as("token fetches").isEqualTo(1);
            // Each is refused at most once: those that read the token after the refresh are answered at once, so how
            // many were refused depends on the threads' timing (all 50 on a quiet machine, 9 seen on a loaded one).
            assertThat(fresh.sandbox().phoneNumberCalls() - lookups).as("lookups: each answered, after one refusal at most")
                    .isBetween(51L, 100L);
        }
    }

    @Test
    void aTokenRejectedTwiceIs503WithRetryAfterAndChangesNothing() {
        String token = server.tokenFor("phone-rejected");
        faults().rejectTokensForNext(2);

        HttpResponse<String> refused = register(token, phoneCode("phone-rejected"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(problemCode(refused)).isEqualTo("upstream_unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(phoneOnMe(server, token).isNull()).isTrue();
    }

    @Test
    void weChatDownIs503WithRetryAfterAndItsMinuteQuotaIs429() {
        String token = server.tokenFor("phone-down");
        faults().badGateway(true);
        HttpResponse<String> down = register(token, phoneCode("phone-down"));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();

        faults().clear().quotaExceeded(true);
        HttpResponse<String> limited = register(token, phoneCode("phone-down"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(phoneOnMe(server, token).isNull()).isTrue();
    }

    @Test
    void withoutAValidSessionNothingReachesWeChat() {
        long before = server.sandbox().phoneNumberCalls();

        HttpResponse<String> refused = register("x".repeat(43), phoneCode("phone-nobody"));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(server.sandbox().phoneNumberCalls()).isEqualTo(before);
    }

    /**
     * A server for one app and a WeChat that knows two: a phone code of the other app is refused, by WeChat (40029)
     * or, where WeChat answers it, by its watermark. Nothing is stored either way.
     */
    @Test
    void aPhoneCodeOfAnotherAppIsRefusedByItsWatermark() {
        SandboxApp ours = new SandboxApp(new AppId("wxphoneours000001"), new AppSecret("ours-secret-4a3b"), false);
        SandboxApp theirs = new SandboxApp(new AppId("wxphonetheirs0001"), new AppSecret("theirs-secret-8d7c"), false);
        try (WeChatSandbox wechat = new WeChatSandbox(SandboxSettings.builder().apps(List.of(ours, theirs)).build()).start();
             TestServer realMode = TestServer.start(data, Map.of(
                     "WXLOGIN_APP_ID", ours.appId().value(),
                     "WXLOGIN_APP_SECRET", ours.secret().value(),
                     "WXLOGIN_SANDBOX", "false",
                     "WXLOGIN_DATA_KEY", Base64.getEncoder().encodeToString(new byte[32]),
                     "WXLOGIN_WECHAT_URL", "http://localhost:" + wechat.baseUrl().getPort()))) {
            HttpResponse<String> login = realMode.login(wechat.wxLogin(ours.appId(), "alice").value());
            String token = read(login.body()).get("token").asText();

            HttpResponse<String> refused = register(realMode, token, wechat.phoneCode(theirs.appId(), "alice").value());

            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(problemCode(refused)).isEqualTo("invalid_phone_code");
            assertThat(phoneOnMe(realMode, token).isNull()).isTrue();
            assertThat(register(realMode, token, wechat.phoneCode(ours.appId(), "alice").value()).statusCode()).isEqualTo(200);
        }
    }
}

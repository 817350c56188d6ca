package dev.wxlogin.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import dev.wxlogin.domain.app.AppId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static dev.wxlogin.bootstrap.TestServer.Json.problemCode;
import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, item 1, through real servers (README's "A second mini program"): one wxlogin serving three sandbox mini
 * programs (a shop and a member card bound to one Open Platform account, a staff app that is not), and a second
 * instance on the same database that serves the member card only.
 */
class SeveralMiniProgramsEndToEndTest {
    private static final String SHOP = "wxsandboxshop";
    private static final String CARD = "wxsandboxcard";
    private static final String STAFF = "wxsandboxstaff";
    private static final String DATA_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String API_KEY = "business-server-key-0123456789abcdef";

    private static final TestDatabase database = Engine.H2.createDatabase();
    private static TestServer server;
    private static TestServer cardOnly;

    @BeforeAll
    static void start() {
        server = TestServer.on(database, Map.of("WXLOGIN_SANDBOX_APPS", SHOP + "," + CARD + "," + STAFF + ":no-unionid",
                "WXLOGIN_DATA_KEY", DATA_KEY, "WXLOGIN_INTERNAL_API_KEYS", API_KEY, "WXLOGIN_INTERNAL_PORT", "0"));
        cardOnly = TestServer.on(database, Map.of("WXLOGIN_SANDBOX_APPS", CARD, "WXLOGIN_DATA_KEY", DATA_KEY));
    }

    @AfterAll
    static void stop() {
        cardOnly.close();
        server.close();
    }

    /** The sandbox's wx.login() of {@code app}, through the server's own /sandbox/code. */
    private static String code(String app, String user) {
        HttpResponse<String> minted = server.postJson("/sandbox/code",
                "{\"user\":\"" + user + "\",\"appId\":\"" + app + "\"}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(200);
        return read(minted.body()).get("code").asText();
    }

    private static HttpResponse<String> login(String app, String code) {
        return server.postJson("/api/v1/login", "{\"code\":\"" + code + "\",\"appId\":\"" + app + "\"}");
    }

    private static JsonNode loggedIn(String app, String user) {
        HttpResponse<String> response = login(app, code(app, user));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return read(response.body());
    }

    private static HttpResponse<String> me(TestServer on, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(on.uri("/api/v1/me")).header("Authorization", "Bearer " + token);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return on.send(request.GET());
    }

    private static String referer(String app) {
        return "https://servicewechat.com/" + app + "/7/page-frame.html";
    }

    @Test
    void onePersonHasAnOpenidPerAppAndOneUnionidInEveryBoundApp() {
        JsonNode shop = loggedIn(SHOP, "alice").get("user");
        JsonNode card = loggedIn(CARD, "alice").get("user");
        JsonNode staff = loggedIn(STAFF, "alice").get("user");

        assertThat(shop.get("openid").asText()).isNotEqualTo(card.get("openid").asText())
                .isNotEqualTo(staff.get("openid").asText());
        assertThat(shop.get("id").asText()).isNotEqualTo(card.get("id").asText());
        assertThat(shop.get("unionid").asText()).startsWith("o").isEqualTo(card.get("unionid").asText());
        assertThat(staff.get("unionid").isNull()).isTrue();
        assertThat(loggedIn(CARD, "bob").get("user").get("unionid").asText())
                .isNotEqualTo(card.get("unionid").asText());
    }

    /** Issue 9, item 2: the person is one account in every app bound to the Open Platform account, whichever came first. */
    @Test
    void onePersonIsOneAccountInEveryBoundAppAndAnotherInAnAppThatIsNot() {
        JsonNode card = loggedIn(CARD, "erin");
        JsonNode shop = loggedIn(SHOP, "erin");
        JsonNode staff = loggedIn(STAFF, "erin");
        String account = card.get("user").get("accountId").asText();

        assertThat(account).startsWith("a_");
        assertThat(shop.get("user").get("accountId").asText()).isEqualTo(account);
        assertThat(staff.get("user").get("accountId").asText()).isNotEqualTo(account);
        assertThat(read(me(server, shop.get("token").asText()).body()).get("accountId").asText()).isEqualTo(account);
        assertThat(loggedIn(SHOP, "frank").get("user").get("accountId").asText()).isNotEqualTo(account);
    }

    /**
     * The staff app gets bound to the Open Platform account later: another instance, on the same database, whose
     * sandbox now reports the unionid with the same openid. The staff user's own account merges into the person's,
     * and the staff session from before keeps working, showing the person's account.
     */
    @Test
    void anAppBoundToTheOpenPlatformLaterMergesItsUsersIntoThePersonsAccount() {
        JsonNode staffBefore = loggedIn(STAFF, "grace");
        String person = loggedIn(SHOP, "grace").get("user").get("accountId").asText();
        String staffToken = staffBefore.get("token").asText();
        assertThat(staffBefore.get("user").get("accountId").asText()).isNotEqualTo(person);

        try (TestServer staffBound = TestServer.on(database, Map.of("WXLOGIN_SANDBOX_APPS", STAFF + "," + SHOP,
                "WXLOGIN_DATA_KEY", DATA_KEY))) {
            HttpResponse<String> minted = staffBound.postJson("/sandbox/code", "{\"user\":\"grace\",\"appId\":\"" + STAFF + "\"}");
            HttpResponse<String> after = staffBound.postJson("/api/v1/login",
                    "{\"code\":\"" + read(minted.body()).get("code").asText() + "\",\"appId\":\"" + STAFF + "\"}");

            JsonNode user = read(after.body()).get("user");
            assertThat(user.get("id").asText()).isEqualTo(staffBefore.get("user").get("id").asText());
            assertThat(user.get("unionid").asText()).startsWith("o");
            assertThat(user.get("accountId").asText()).isEqualTo(person);
        }
        HttpResponse<String> oldSession = me(server, staffToken);
        assertThat(oldSession.statusCode()).isEqualTo(200);
        assertThat(read(oldSession.body()).get("accountId").asText()).isEqualTo(person);
    }

    @Test
    void aTokenWorksOnlyForTheAppItWasIssuedIn() {
        String token = loggedIn(SHOP, "carol").get("token").asText();

        assertThat(me(server, token).statusCode()).isEqualTo(200);
        assertThat(read(me(server, token, "X-WxLogin-App", SHOP).body()).get("appId").asText()).isEqualTo(SHOP);
        assertThat(me(server, token, "Referer", referer(SHOP)).statusCode()).isEqualTo(200);
        HttpResponse<String> otherHeader = me(server, token, "X-WxLogin-App", CARD);
        HttpResponse<String> otherReferer = me(server, token, "Referer", referer(CARD));
        assertThat(otherHeader.statusCode()).isEqualTo(401);
        assertThat(problemCode(otherHeader)).isEqualTo("unauthenticated");
        assertThat(otherReferer.statusCode()).isEqualTo(401);
        assertThat(problemCode(otherReferer)).isEqualTo("unauthenticated");
        assertThat(problemCode(me(server, token, "X-WxLogin-App", "wx shop"))).isEqualTo("bad_request");
        assertThat(me(server, token).statusCode()).as("refusals end nothing").isEqualTo(200);
    }

    /** The second instance shares the database, so it finds the shop's session, and refuses it all the same. */
    @Test
    void anInstanceThatDoesNotServeTheAppRefusesItsTokens() {
        String shop = loggedIn(SHOP, "dave").get("token").asText();
        String card = loggedIn(CARD, "dave").get("token").asText();

        HttpResponse<String> refused = me(cardOnly, shop);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(problemCode(refused)).isEqualTo("unauthenticated");
        assertThat(me(cardOnly, card).statusCode()).isEqualTo(200);
        assertThat(me(server, shop).statusCode()).isEqualTo(200);
    }

    @Test
    void withSeveralAppsALoginMustNameOne() {
        HttpResponse<String> unnamed = server.postJson("/api/v1/login", "{\"code\":\"" + code(SHOP, "erin") + "\"}");

        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(problemCode(unnamed)).isEqualTo("app_required");
    }

    /** Refused before the code is claimed (no exchanged_code row) and before the sandbox, playing WeChat, is asked. */
    @Test
    void aLoginForAnAppNotServedIsRefusedBeforeAnyWriteOrWeChatCall() {
        String code = cardOnly.code("frank");
        long rows = server.rows("exchanged_code");
        long users = server.rows("app_user");
        long exchanges = server.sandbox().exchangeCalls() + cardOnly.sandbox().exchangeCalls();

        HttpResponse<String> refused = cardOnly.postJson("/api/v1/login",
                "{\"code\":\"" + code + "\",\"appId\":\"" + SHOP + "\"}");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(problemCode(refused)).isEqualTo("unknown_app");
        assertThat(server.rows("exchanged_code")).isEqualTo(rows);
        assertThat(server.rows("app_user")).isEqualTo(users);
        assertThat(server.sandbox().exchangeCalls() + cardOnly.sandbox().exchangeCalls()).isEqualTo(exchanges);
        assertThat(cardOnly.login(code).statusCode()).as("the code is still good for its own app").isEqualTo(200);
    }

    @Test
    void theInternalApiHandsOutEachAppsOwnAccessToken() {
        JsonNode shop = read(internal("/internal/v1/access-token?appId=" + SHOP).body());
        JsonNode card = read(internal("/internal/v1/access-token?appId=" + CARD).body());

        assertThat(shop.get("appId").asText()).isEqualTo(SHOP);
        assertThat(card.get("appId").asText()).isEqualTo(CARD);
        assertThat(shop.get("accessToken").asText()).isNotEqualTo(card.get("accessToken").asText());
        assertThat(server.sandbox().acceptsAccessToken(new AppId(SHOP),
                shop.get("accessToken").asText())).isTrue();
        assertThat(server.sandbox().acceptsAccessToken(new AppId(CARD),
                shop.get("accessToken").asText())).isFalse();
        HttpResponse<String> unknown = internal("/internal/v1/access-token?appId=wxnotserved");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(problemCode(unknown)).isEqualTo("unknown_app");
        HttpResponse<String> unnamed = internal("/internal/v1/access-token");
        assertThat(unnamed.statusCode()).isEqualTo(400);
        assertThat(problemCode(unnamed)).isEqualTo("bad_request");
    }

    private static HttpResponse<String> internal(String path) {
        return InternalApiEndToEndTest.internal(server, "GET", path, API_KEY);
    }

    /** The phone code is the card's: WeChat, asked with the shop's access_token, does not know it. */
    @Test
    void aSessionOfOneAppCannotBindAPhoneCodeMintedForAnother() {
        String shop = loggedIn(SHOP, "grace").get("token").asText();
        loggedIn(CARD, "grace");
        HttpResponse<String> minted = server.postJson("/sandbox/phone-code",
                "{\"user\":\"grace\",\"appId\":\"" + CARD + "\"}");
        String cardsCode = read(minted.body()).get("code").asText();

        HttpResponse<String> bound = server.send(HttpRequest.newBuilder(server.uri("/api/v1/me/phone"))
                .header("Authorization", "Bearer " + shop).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + cardsCode + "\"}")));

        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(400);
        assertThat(problemCode(bound)).isEqualTo("invalid_phone_code");
        assertThat(read(me(server, shop).body()).get("phone").isNull()).isTrue();
    }
}

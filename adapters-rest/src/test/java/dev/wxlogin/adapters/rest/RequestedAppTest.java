package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.session.SessionToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import java.net.http.HttpResponse;
import java.util.Optional;

import static dev.wxlogin.adapters.rest.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The app a request names reaches authentication with its token, which the use case then holds to that app (the
 * end-to-end tests in bootstrap prove the 401). What names an app: {@code X-WxLogin-App}, or WeChat's own Referer.
 */
class RequestedAppTest {
    private static final String ME = "/api/v1/me";
    private static final String SHOP = "wxshop0000000001";
    private final TestServer server = TestServer.start();
    private final SessionToken token = SessionToken.generate();
    private final String bearer = TestServer.bearer(token.reveal());

    @BeforeEach
    void everyTokenIsAlice() {
        when(server.authenticating.authenticate(any())).thenReturn(Fixtures.authentication("s_current"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Optional<AppId> presentedFor(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        ArgumentCaptor<SessionToken> presented = ArgumentCaptor.forClass(SessionToken.class);
        verify(server.authenticating).authenticate(presented.capture());
        assertThat(presented.getValue()).isEqualTo(token);
        return presented.getValue().presentedFor();
    }

    @Test
    void aRequestThatNamesNoAppPresentsItsTokenForNone() {
        assertThat(presentedFor(server.get(ME, "Authorization", bearer))).isEmpty();
    }

    @Test
    void theHeaderNamesTheApp() {
        assertThat(presentedFor(server.get(ME, "Authorization", bearer, "X-WxLogin-App", SHOP)))
                .contains(new AppId(SHOP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "devtools", "1", "42"})
    void wechatsRefererNamesTheApp(String version) {
        String referer = "https://servicewechat.com/" + SHOP + "/" + version + "/page-frame.html";

        assertThat(presentedFor(server.get(ME, "Authorization", bearer, "Referer", referer))).contains(new AppId(SHOP));
    }

    /** Only WeChat's exact form counts: anything else is some other client's Referer, which names nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"http://servicewechat.com/wxshop0000000001/0/page-frame.html",
            "https://servicewechat.com.evil.example/wxshop0000000001/0/page-frame.html",
            "https://evil.example/https://servicewechat.com/wxshop0000000001/0/page-frame.html",
            "https://servicewechat.com/wxshop0000000001/0/page-frame.html?x=1",
            "https://servicewechat.com/wxshop0000000001/01/page-frame.html",
            "https://servicewechat.com/wxshop0000000001/beta/page-frame.html",
            "https://servicewechat.com/wxshop0000000001/page-frame.html",
            "https://servicewechat.com/wx%2Fshop/0/page-frame.html",
            "https://servicewechat.com/wxshop0000000001/0/index.html",
            "https://example.com/"})
    void anyOtherRefererNamesNothing(String referer) {
        assertThat(presentedFor(server.get(ME, "Authorization", bearer, "Referer", referer))).isEmpty();
    }

    @Test
    void theHeaderAndTheRefererMayNameTheSameApp() {
        String referer = "https://servicewechat.com/" + SHOP + "/3/page-frame.html";

        assertThat(presentedFor(server.get(ME, "Authorization", bearer, "X-WxLogin-App", SHOP, "Referer", referer)))
                .contains(new AppId(SHOP));
    }

    /** No session belongs to two apps: refused as any token that does not authenticate, without a lookup. */
    @Test
    void aHeaderAndARefererNamingDifferentAppsAre401() {
        String referer = "https://servicewechat.com/wxcard0000000002/3/page-frame.html";

        assertProblem(server.get(ME, "Authorization", bearer, "X-WxLogin-App", SHOP, "Referer", referer),
                401, "unauthenticated");
        verify(server.authenticating, never()).authenticate(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wx shop", "wxshop/0", "wxshop,wxcard", "%77%78"})
    void aMalformedHeaderIs400WithoutALookup(String header) {
        HttpResponse<String> response = server.get(ME, "Authorization", bearer, "X-WxLogin-App", header);

        assertProblem(response, 400, "bad_request");
        assertThat(TestServer.json(response).get("detail").asText()).contains("X-WxLogin-App");
        verify(server.authenticating, never()).authenticate(any());
    }

    @Test
    void twoHeadersAre400() {
        assertProblem(server.get(ME, "Authorization", bearer, "X-WxLogin-App", SHOP, "X-WxLogin-App", SHOP),
                400, "bad_request");
    }

    @Test
    void anOverlongHeaderIs400() {
        assertProblem(server.get(ME, "Authorization", bearer, "X-WxLogin-App", "w".repeat(65)), 400, "bad_request");
    }

    /** Who is nobody learns nothing about the header: 401 first, as for any body. */
    @Test
    void withoutATokenAMalformedHeaderIsStill401() {
        assertProblem(server.get(ME, "X-WxLogin-App", "wx shop"), 401, "unauthenticated");
    }
}

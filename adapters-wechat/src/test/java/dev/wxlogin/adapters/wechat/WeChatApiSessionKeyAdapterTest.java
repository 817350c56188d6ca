package dev.wxlogin.adapters.wechat;

import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.adapters.wechat.sandbox.WeChatSandbox;
import dev.wxlogin.adapters.wechat.testing.CapturedLogs;
import dev.wxlogin.adapters.wechat.testing.SandboxTokens;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.token.AccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** checksession and resetusersessionkey over real HTTP against the sandbox, and the signature's official vector. */
class WeChatApiSessionKeyAdapterTest {
    private static final SandboxApp APP = new SandboxApp(new AppId("wxkeycheck0000001"), new AppSecret("key-secret-5d4c"), false);

    private final CapturedLogs logs = new CapturedLogs();
    private final WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().apps(List.of(APP)).build()).start();
    private final WeChatApiSettings settings = WeChatApiSettings.of(sandbox.baseUrl(), List.of(APP.miniProgram()));
    private final AccessToken token = SandboxTokens.live(settings, APP.appId());
    private final WeChatApiSessionKeyAdapter keys = new WeChatApiSessionKeyAdapter(settings);
    private final WeChatApiLoginCodeAdapter logins = new WeChatApiLoginCodeAdapter(settings);

    @AfterEach
    void close() {
        keys.close();
        logins.close();
        sandbox.close();
        logs.close();
    }

    private WeChatIdentity login(String user) {
        return logins.exchange(APP.appId(), sandbox.wxLogin(APP.appId(), user));
    }

    /** TV-3 of wechat-api.md §5.3: the key is the UTF-8 of the base64 text, not the 16 bytes it decodes to. */
    @Test
    void theSignatureReproducesWeChatsLoginStateVector() {
        assertThat(SessionKeySignature.hmacSha256Hex("o0q0otL8aEzpcZL/FT9WsQ==", "{\"foo\":\"bar\"}"))
                .isEqualTo("654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b");
        assertThat(SessionKeySignature.of(new SessionKey("o0q0otL8aEzpcZL/FT9WsQ==")))
                .isEqualTo(SessionKeySignature.hmacSha256Hex("o0q0otL8aEzpcZL/FT9WsQ==", ""))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void theLatestKeyIsCurrentAndAKeyALaterLoginReplacedIsStale() {
        WeChatIdentity first = login("alice");
        assertThat(keys.isCurrent(token, APP.appId(), first.openId(), first.sessionKey())).isTrue();

        WeChatIdentity second = login("alice"); // the sandbox rotates on every exchange by default

        assertThat(keys.isCurrent(token, APP.appId(), first.openId(), first.sessionKey())).isFalse();
        assertThat(keys.isCurrent(token, APP.appId(), second.openId(), second.sessionKey())).isTrue();
        assertThat(logs.text()).doesNotContain(token.value(), first.sessionKey().value(), second.sessionKey().value(),
                SessionKeySignature.of(first.sessionKey()));
    }

    @Test
    void aResetAnswersANewKeyThatReplacesTheOldOne() {
        WeChatIdentity alice = login("alice");

        SessionKey replacement = keys.reset(token, APP.appId(), alice.openId(), alice.sessionKey());

        assertThat(replacement).isNotEqualTo(alice.sessionKey());
        assertThat(replacement.value()).hasSize(24);
        assertThat(keys.isCurrent(token, APP.appId(), alice.openId(), alice.sessionKey())).isFalse();
        assertThat(keys.isCurrent(token, APP.appId(), alice.openId(), replacement)).isTrue();
        assertThat(logs.text()).doesNotContain(replacement.value(), alice.sessionKey().value());
    }

    @Test
    void aStaleKeyCannotBeReset() {
        WeChatIdentity stale = login("alice");
        login("alice");

        Throwable thrown = catchThrowable(() -> keys.reset(token, APP.appId(), stale.openId(), stale.sessionKey()));

        assertThat(thrown).isInstanceOf(NotFound.class);
        assertThat(thrown.getMessage()).doesNotContain(stale.sessionKey().value(), token.value());
    }

    @Test
    void aRejectedTokenIsReportedAsSuch() {
        WeChatIdentity alice = login("alice");
        sandbox.faults().rejectTokensForNext(2);

        assertThat(catchThrowable(() -> keys.isCurrent(token, APP.appId(), alice.openId(), alice.sessionKey())))
                .isInstanceOfSatisfying(AccessTokenRejected.class, rejected -> assertThat(rejected.errcode()).isEqualTo(40001));
        assertThat(catchThrowable(() -> keys.reset(token, APP.appId(), alice.openId(), alice.sessionKey())))
                .isInstanceOf(AccessTokenRejected.class);
        assertThat(keys.isCurrent(token, APP.appId(), alice.openId(), alice.sessionKey())).isTrue();
    }

    @Test
    void aBusyWeChatIsAnUpstreamFailure() {
        WeChatIdentity alice = login("alice");
        sandbox.faults().busyRate(1);

        assertThat(catchThrowable(() -> keys.isCurrent(token, APP.appId(), alice.openId(), alice.sessionKey())))
                .isInstanceOfSatisfying(UpstreamFailure.class, failure -> assertThat(failure.kind()).isEqualTo(UpstreamFailure.Kind.BUSY));
    }
}

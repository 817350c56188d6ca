package dev.wxlogin.adapters.wechat.sandbox;

import dev.wxlogin.adapters.wechat.WeChatApiLoginCodeAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.WeChatIdentity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxCodeMintingAdapterTest {
    private static final AppId APP = SandboxSettings.DEFAULT_APP.appId();

    @Test
    void mintsCodesTheRealClientExchangesForTheSimulatedUser() {
        try (WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().build()).start();
             WeChatApiLoginCodeAdapter client = new WeChatApiLoginCodeAdapter(
                     WeChatApiSettings.of(sandbox.baseUrl(), sandbox.miniPrograms()))) {
            SandboxCodeMintingAdapter minting = new SandboxCodeMintingAdapter(sandbox);

            LoginCode first = minting.mint(APP, "alice");
            LoginCode second = minting.mint(APP, "alice");
            WeChatIdentity alice = client.exchange(APP, first);

            assertThat(client.exchange(APP, second).openId()).isEqualTo(alice.openId());
            assertThat(client.exchange(APP, minting.mint(APP, "bob")).openId()).isNotEqualTo(alice.openId());
        }
    }

    @Test
    void refusesAnAppTheSandboxDoesNotKnow() {
        try (WeChatSandbox sandbox = new WeChatSandbox(SandboxSettings.builder().build())) {
            SandboxCodeMintingAdapter minting = new SandboxCodeMintingAdapter(sandbox);

            assertThatThrownBy(() -> minting.mint(new AppId("wxnotinthesandbox"), "alice"))
                    .isInstanceOf(InvalidInput.class);
        }
    }
}

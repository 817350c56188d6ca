package dev.wxlogin.adapters.wechat.testing;

import dev.wxlogin.adapters.wechat.AccessTokenEndpoint;
import dev.wxlogin.adapters.wechat.WeChatApiAccessTokenAdapter;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.token.AccessToken;

/** A live access_token of a sandbox's app, fetched over HTTP as the access_token service fetches one. */
public final class SandboxTokens {
    private SandboxTokens() {}

    public static AccessToken live(WeChatApiSettings sandbox, AppId app) {
        try (WeChatApiAccessTokenAdapter tokens = new WeChatApiAccessTokenAdapter(sandbox, AccessTokenEndpoint.STABLE)) {
            return tokens.fetch(app, false).token();
        }
    }
}

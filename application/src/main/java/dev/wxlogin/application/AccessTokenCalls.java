package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.token.AccessToken;

import java.util.function.Function;

/**
 * Calls a WeChat API with the AppID's access_token. A token WeChat rejects is replaced through the central
 * service and the call tried once more, so a client never sees a token turn over; a second rejection passes on.
 */
final class AccessTokenCalls {
    private final ForGettingAccessTokens tokens;

    AccessTokenCalls(ForGettingAccessTokens tokens) {
        this.tokens = tokens;
    }

    <T> T call(AppId app, Function<AccessToken, T> api) {
        AccessToken token = tokens.current(app).token();
        try {
            return api.apply(token);
        } catch (AccessTokenRejected rejected) {
            return api.apply(tokens.replaceRejected(app, token).token());
        }
    }
}

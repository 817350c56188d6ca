package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.port.out.ForFetchingAccessTokens;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * WeChat's access_token API over HTTP, against WeChat itself or the sandbox, through the {@link WeChatHttpClient}
 * (its timeouts, retries of -1 and unsent requests only, a breaker and a bulkhead of this API's own, and its care
 * never to log the AppSecret). stable_token takes the secret in a JSON body, the classic API in the query string;
 * the token WeChat answers is read into a secret type and never logged.
 */
public final class WeChatApiAccessTokenAdapter implements ForFetchingAccessTokens, AutoCloseable {
    private final Map<AppId, AppSecret> secrets;
    private final AccessTokenEndpoint endpoint;
    private final WeChatHttpClient wechat;
    private final WeChatHttpClient.GuardedApi<FetchedAccessToken> tokenApi;

    public WeChatApiAccessTokenAdapter(WeChatApiSettings settings, AccessTokenEndpoint endpoint) {
        this.secrets = settings.miniPrograms().stream()
                .collect(Collectors.toUnmodifiableMap(MiniProgram::appId, MiniProgram::secret));
        this.endpoint = endpoint;
        this.wechat = new WeChatHttpClient(settings);
        this.tokenApi = wechat.api(AccessTokenApi.of(endpoint));
    }

    @Override
    public FetchedAccessToken fetch(AppId app, boolean forceRefresh) {
        AppSecret secret = secrets.get(app);
        if (secret == null) {
            throw new InvalidInput("This server has no AppSecret configured for AppID " + app);
        }
        return tokenApi.call(switch (endpoint) {
            case STABLE -> WeChatRequest.postJson(app)
                    .field("grant_type", "client_credential")
                    .field("appid", app.value())
                    .secretField("secret", secret.value())
                    .field("force_refresh", forceRefresh);
            case CLASSIC -> WeChatRequest.get(app)
                    .query("grant_type", "client_credential")
                    .query("appid", app.value())
                    .secretQuery("secret", secret.value());
        });
    }

    /** Stops the HTTP client's threads; calls still under way finish first. */
    @Override
    public void close() {
        wechat.close();
    }
}

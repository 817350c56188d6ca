package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.port.out.ForExchangingLoginCodes;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * WeChat's code2Session over HTTP ({@code GET /sns/jscode2session}), against WeChat itself or the sandbox,
 * through the {@link WeChatHttpClient}: its timeouts, retries, breaker and bulkhead, and its care never to log
 * the AppSecret or the code, which travel in the query string.
 */
public final class WeChatApiLoginCodeAdapter implements ForExchangingLoginCodes, AutoCloseable {
    private final Map<AppId, AppSecret> secrets;
    private final WeChatHttpClient wechat;
    private final WeChatHttpClient.GuardedApi<WeChatIdentity> code2Session;

    public WeChatApiLoginCodeAdapter(WeChatApiSettings settings) {
        this.secrets = settings.miniPrograms().stream()
                .collect(Collectors.toUnmodifiableMap(MiniProgram::appId, MiniProgram::secret));
        this.wechat = new WeChatHttpClient(settings);
        this.code2Session = wechat.api(new Code2SessionApi());
    }

    @Override
    public WeChatIdentity exchange(AppId appId, LoginCode code) {
        AppSecret secret = secrets.get(appId);
        if (secret == null) {
            // Before the guard: a caller's unknown AppID says nothing about WeChat.
            throw new InvalidInput("This server has no AppSecret configured for AppID " + appId);
        }
        return code2Session.call(WeChatRequest.get(appId)
                .query("appid", appId.value())
                .secretQuery("secret", secret.value())
                .secretQuery("js_code", code.value())
                .query("grant_type", "authorization_code"));
    }

    /**
     * The circuit breaker's state, for a readiness or health check: CLOSED while WeChat looks well, OPEN while
     * exchanges fail at once, HALF_OPEN while a few probe exchanges try whether WeChat is back.
     */
    public String breakerState() {
        return code2Session.breakerState();
    }

    /** Stops the HTTP client's threads; calls still under way finish first. */
    @Override
    public void close() {
        wechat.close();
    }
}

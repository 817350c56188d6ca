package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.AccessTokenEndpoint;
import dev.wxlogin.adapters.wechat.WeChatApiSettings;
import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.MiniProgram;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which WeChat login codes are exchanged with: the real one, or the built-in sandbox in its place. Both are read
 * and checked in either mode, so a mistake shows before the mode changes.
 *
 * @param api             the real WeChat at WXLOGIN_WECHAT_URL, with the mini programs of {@link AppVariables} (at
 *                        least one when the sandbox is off; when it is on, the sandbox plays those it names)
 * @param sandbox         the sandbox, when it runs instead: by default exactly when there is no AppID
 * @param sandboxAskedFor whether WXLOGIN_SANDBOX=true switched it on, rather than a missing AppID
 * @param accessTokenApi  WXLOGIN_ACCESS_TOKEN_API: {@code stable} (the default, stable_token) or {@code classic}
 *                        (/cgi-bin/token), the API the access_token service fetches from, WeChat's or the sandbox's
 */
public record WeChatSettings(WeChatApiSettings api, Optional<SandboxSettings> sandbox, boolean sandboxAskedFor,
                             AccessTokenEndpoint accessTokenApi) {

    static WeChatSettings from(ConfigurationSource config) {
        List<MiniProgram> apps = AppVariables.from(config);
        Optional<Boolean> sandboxFlag = config.flag("WXLOGIN_SANDBOX");
        boolean sandboxOn = sandboxFlag.orElse(apps.isEmpty());
        if (!sandboxOn && apps.isEmpty()) {
            throw new InvalidConfiguration("talking to WeChat needs both WXLOGIN_APP_ID and WXLOGIN_APP_SECRET, or"
                    + " WXLOGIN_APPS with their secrets (or leave WXLOGIN_SANDBOX unset to use the built-in sandbox)");
        }
        WeChatApiSettings api = ConfigurationSource.checked("WXLOGIN_WECHAT_URL",
                () -> WeChatApiSettings.of(baseUrl(config), apps));
        SandboxSettings sandbox = SandboxVariables.from(config, apps);
        return new WeChatSettings(api, sandboxOn ? Optional.of(sandbox) : Optional.empty(), sandboxFlag.orElse(false),
                accessTokenApi(config));
    }

    private static AccessTokenEndpoint accessTokenApi(ConfigurationSource config) {
        return switch (config.text("WXLOGIN_ACCESS_TOKEN_API", "stable").toLowerCase(Locale.ROOT)) {
            case "stable" -> AccessTokenEndpoint.STABLE;
            case "classic" -> AccessTokenEndpoint.CLASSIC;
            default -> throw new InvalidConfiguration("WXLOGIN_ACCESS_TOKEN_API must be 'stable' or 'classic'");
        };
    }

    /** Every mini program served, in the order configured. */
    List<AppId> apps() {
        return sandbox.map(settings -> settings.apps().stream().map(SandboxApp::appId).toList())
                .orElseGet(() -> api.miniPrograms().stream().map(MiniProgram::appId).toList());
    }

    /** Without a trailing slash; WeChatApiSettings decides what else a base URL may hold. */
    private static URI baseUrl(ConfigurationSource config) {
        String text = config.text("WXLOGIN_WECHAT_URL", WeChatApiSettings.WECHAT_BASE_URL.toString());
        try {
            return new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new InvalidConfiguration("WXLOGIN_WECHAT_URL must be an http(s) base URL");
        }
    }
}

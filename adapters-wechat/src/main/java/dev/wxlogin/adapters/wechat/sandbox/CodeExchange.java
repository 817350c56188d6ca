package dev.wxlogin.adapters.wechat.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The sandbox's code2Session: checks a jscode2session query the way WeChat does and answers its JSON body. */
final class CodeExchange {
    /** Keyed by AppID text, so that a query's appid is looked up as sent, valid AppID or not. */
    private final Map<String, SandboxApp> apps;
    private final IssuedCodes codes;
    private final SimulatedIdentities identities;
    private final SessionKeys sessionKeys;
    private final MinuteQuota quota;
    private final Set<String> riskyUsers;
    private final Replies replies;

    CodeExchange(Map<String, SandboxApp> apps, IssuedCodes codes, SimulatedIdentities identities,
                 SessionKeys sessionKeys, MinuteQuota quota, Set<String> riskyUsers, Replies replies) {
        this.apps = apps;
        this.codes = codes;
        this.identities = identities;
        this.sessionKeys = sessionKeys;
        this.quota = quota;
        this.riskyUsers = riskyUsers;
        this.replies = replies;
    }

    /** @param query the decoded query parameters; an empty value counts as missing */
    String exchange(Map<String, String> query) {
        String appId = query.get("appid");
        String secret = query.get("secret");
        String code = query.get("js_code");
        if (appId == null) {
            return replies.error(WeChatError.APPID_MISSING);
        }
        if (secret == null) {
            return replies.error(WeChatError.APPSECRET_MISSING);
        }
        if (code == null) {
            return replies.error(WeChatError.CODE_MISSING);
        }
        if (!"authorization_code".equals(query.get("grant_type"))) {
            return replies.error(WeChatError.INVALID_GRANT_TYPE);
        }
        SandboxApp app = apps.get(appId);
        if (app == null) {
            return replies.error(WeChatError.INVALID_APPID);
        }
        if (!app.secretMatches(secret)) {
            return replies.error(WeChatError.INVALID_APPSECRET);
        }
        return exchange(app, code);
    }

    /** Quota and risk are checked before the code is spent, so a refused user may try again with it. */
    private String exchange(SandboxApp app, String code) {
        Optional<IssuedCodes.Issued> found = codes.find(code, app.appId());
        if (found.isEmpty()) {
            return replies.error(WeChatError.INVALID_CODE);
        }
        IssuedCodes.Issued issued = found.get();
        String openId = identities.openId(app.appId(), issued.user());
        if (!quota.admit(openId)) {
            return replies.error(WeChatError.MINUTE_QUOTA_REACHED);
        }
        if (riskyUsers.contains(issued.user())) {
            return replies.error(WeChatError.CODE_BLOCKED);
        }
        if (!codes.use(code, issued)) {
            return replies.error(WeChatError.CODE_USED);
        }
        Optional<String> unionId = app.boundToOpenPlatform()
                ? Optional.of(identities.unionId(issued.user()))
                : Optional.empty();
        return replies.identity(sessionKeys.onExchange(openId), openId, unionId);
    }
}

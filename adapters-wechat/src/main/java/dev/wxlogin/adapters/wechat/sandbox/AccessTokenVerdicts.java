package dev.wxlogin.adapters.wechat.sandbox;

import java.util.Optional;

/**
 * The sandbox's access tokens as its other APIs (phone numbers, checksession) see them: WeChat refuses a call
 * made with a token it did not issue (40001), one it has replaced and whose grace has run out (40001), or one
 * that has expired (42001).
 */
interface AccessTokenVerdicts {
    /** Empty when {@code accessToken} is live for {@code appId}; otherwise the error WeChat answers with. */
    Optional<WeChatError> refusal(String appId, String accessToken);
}

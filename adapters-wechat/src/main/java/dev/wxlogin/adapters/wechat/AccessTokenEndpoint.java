package dev.wxlogin.adapters.wechat;

/** Which of WeChat's access_token APIs the service fetches from (WXLOGIN_ACCESS_TOKEN_API). */
public enum AccessTokenEndpoint {
    /**
     * {@code POST /cgi-bin/stable_token}, WeChat's recommendation: the same token until its last 5 minutes, so a
     * stray call replaces nothing; {@code force_refresh} when an API rejects the token it still answers.
     */
    STABLE,
    /** {@code GET /cgi-bin/token}: every call replaces the token, the old one working 5 more minutes. */
    CLASSIC
}

package dev.wxlogin.adapters.wechat.sandbox;

/** The errors the sandbox answers with, worded as WeChat words them. */
enum WeChatError {
    SYSTEM_ERROR(-1, "system error"),
    INVALID_GRANT_TYPE(40002, "invalid grant_type"),
    INVALID_APPID(40013, "invalid appid"),
    INVALID_CODE(40029, "invalid code"),
    INVALID_APPSECRET(40125, "invalid appsecret"),
    CODE_USED(40163, "code been used"),
    CODE_BLOCKED(40226, "code blocked"),
    APPID_MISSING(41002, "appid missing"),
    APPSECRET_MISSING(41004, "appsecret missing"),
    CODE_MISSING(41008, "missing code"),
    MINUTE_QUOTA_REACHED(45011, "api minute-quota reach limit mustslower retry next minute"),
    // the access_token APIs and those that take a token (getuserphonenumber, checksession, resetusersessionkey)
    ACCESS_TOKEN_INVALID(40001, "invalid credential, access_token is invalid or not latest"),
    ACCESS_TOKEN_MISSING(41001, "access_token missing"),
    ACCESS_TOKEN_EXPIRED(42001, "access_token expired"),
    REQUIRE_POST(43002, "require POST method"),
    DAILY_QUOTA_REACHED(45009, "reach max api daily quota limit"),
    DATA_FORMAT_ERROR(47001, "data format error"),
    INVALID_SIG_METHOD(87008, "invalid sig_method"),
    INVALID_SIGNATURE(87009, "invalid signature");

    final int errcode;
    final String text;

    WeChatError(int errcode, String text) {
        this.errcode = errcode;
        this.text = text;
    }
}

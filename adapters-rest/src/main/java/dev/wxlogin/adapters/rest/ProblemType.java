package dev.wxlogin.adapters.rest;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every kind of error response: its HTTP status, the stable {@code code} clients branch on, a title, and
 * the detail used unless a more specific one is given. The one catalogue of what a client reads: domain
 * failures carry a reason, not a text (only {@code InvalidInput}'s message, which names the field and the
 * rule broken, becomes a detail). Fixed details keep responses free of secrets and make failures that must
 * look alike (every cause of {@code unauthenticated}) byte-identical.
 */
enum ProblemType {
    BAD_REQUEST(400, "bad_request", "Bad request", "The request is malformed"),
    UNKNOWN_APP(400, "unknown_app", "Unknown app", "This server serves no mini program with that AppID"),
    APP_REQUIRED(400, "app_required", "AppID required",
            "This server serves several mini programs: the login must name its appId"),
    INVALID_OPEN_DATA(400, "invalid_open_data", "Invalid open data",
            "The open data is not base64, its iv is not 16 bytes, or it does not decrypt with the user's session_key"),
    INVALID_SIGNATURE(400, "invalid_signature", "Invalid signature",
            "The signature does not match sha1(rawData + session_key)"),
    WATERMARK_MISMATCH(400, "watermark_mismatch", "Watermark mismatch",
            "The open data was made for another mini program"),
    OPEN_DATA_EXPIRED(400, "open_data_expired", "Open data too old",
            "The open data's watermark is too old; fetch the data again"),
    INVALID_CODE(401, "invalid_code", "Invalid login code",
            "The login code is invalid or expired; call wx.login() again"),
    INVALID_PHONE_CODE(400, "invalid_phone_code", "Invalid phone code",
            "The phone code is invalid, expired, already used or not this user's; ask the user to tap the button again"),
    COMMON_PASSWORD(400, "common_password", "Common password",
            "This password is among the most common ones, which are guessed first; choose another"),
    INVALID_CREDENTIALS(401, "invalid_credentials", "Invalid credentials",
            "The username or the password is wrong"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated", "A valid bearer token is required"),
    SESSION_EXPIRED(401, "session_expired", "Session expired", "The session has expired; log in again"),
    SESSION_REPLACED(401, "session_replaced", "Session replaced",
            "The session was ended by a newer login; log in again"),
    SESSION_REVOKED(401, "session_revoked", "Session revoked", "The session was logged out; log in again"),
    WECHAT_SESSION_REQUIRED(403, "wechat_session_required", "WeChat session required",
            "This belongs to a mini program's user; log in with WeChat (wx.login) to use it"),
    WRONG_CURRENT_PASSWORD(403, "wrong_current_password", "Wrong current password",
            "The current password is wrong; the password was not changed"),
    USER_BLOCKED(403, "user_blocked", "User blocked", "WeChat does not allow this user to log in"),
    ACCOUNT_DISABLED(403, "account_disabled", "Account disabled", "This account is disabled"),
    NOT_FOUND(404, "not_found", "Not found", "There is nothing here"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "Method not allowed",
            "This resource does not support the request method"),
    CODE_USED(409, "code_used", "Login code already used",
            "The login code was already used; call wx.login() again"),
    USERNAME_TAKEN(409, "username_taken", "Username taken", "Another account has this username; choose another"),
    USERNAME_ALREADY_SET(409, "username_already_set", "Username already set",
            "This account has a username already, and keeps it; leave username out to change its password"),
    WECHAT_BOUND_ELSEWHERE(409, "wechat_bound_elsewhere", "WeChat bound to another account",
            "This WeChat user belongs to another account already; log in with WeChat to use that account"),
    INVALID_IMAGE(400, "invalid_image", "Invalid image",
            "The upload begins like a JPEG, PNG or WebP image but does not decode as one"),
    SESSION_KEY_STALE(409, "session_key_stale", "Session key replaced",
            "The data was made with a session_key that a later wx.login() replaced; call wx.login() again, then fetch"
                    + " the data again"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "Payload too large", "The request body is too large"),
    IMAGE_TOO_LARGE(413, "image_too_large", "Image too large",
            "An avatar may have at most 1 MiB and 8192 pixels a side"),
    URI_TOO_LONG(414, "uri_too_long", "URI too long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "Unsupported media type",
            "The request body must be application/json"),
    UNSUPPORTED_IMAGE(415, "unsupported_image", "Unsupported image",
            "An avatar must be a JPEG, PNG or WebP image, as its bytes show"),
    RATE_LIMITED(429, "rate_limited", "Too many requests", "Too many logins; try again later"),
    UPSTREAM_RATE_LIMITED(429, "upstream_rate_limited", "Too many requests to WeChat",
            "WeChat limits how often this user may log in or look up a phone number; try again later"),
    HEADERS_TOO_LARGE(431, "request_header_fields_too_large", "Request header fields too large",
            "The request headers are too large"),
    INTERNAL_ERROR(500, "internal_error", "Internal error", "The server failed to handle the request"),
    UPSTREAM_MISCONFIGURED(502, "upstream_misconfigured", "Server misconfigured",
            "The server's WeChat credentials are misconfigured; this is not the user's fault"),
    UPSTREAM_ERROR(502, "upstream_error", "WeChat refused the request",
            "WeChat refused the login for a reason this server does not know; call wx.login() again"),
    UPSTREAM_BUSY(503, "upstream_busy", "WeChat busy", "WeChat is busy; try again shortly"),
    UPSTREAM_UNAVAILABLE(503, "upstream_unavailable", "WeChat unavailable",
            "WeChat cannot be reached right now; try again later"),
    STORAGE_UNAVAILABLE(503, "storage_unavailable", "Database unavailable",
            "The server's database is not answering; try again shortly"),
    STORAGE_BUSY(503, "storage_busy", "Database busy", "The server's database is busy; try again shortly"),
    NOT_READY(503, "not_ready", "Not ready", "The server is not ready to serve requests"),
    UNAVAILABLE(503, "unavailable", "Service unavailable", "The server is shutting down or too busy; try again shortly");

    private static final String TYPE_BASE = "https://wxlogin.dev/problems/";

    private final int status;
    private final String code;
    private final String title;
    private final String defaultDetail;

    ProblemType(int status, String code, String title, String defaultDetail) {
        this.status = status;
        this.code = code;
        this.title = title;
        this.defaultDetail = defaultDetail;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Problem problem() {
        return problem(defaultDetail);
    }

    Problem problem(String detail) {
        return new Problem(TYPE_BASE + code, title, status, detail, code);
    }

    /**
     * How long a client should wait before trying again, for every type where trying again helps: each 429 and
     * 503 has one (a test walks them all). A response carries a more precise wait instead where one is known,
     * such as the time until a rate-limit bucket refills or what is left of an open breaker's wait.
     */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(switch (this) {
            case RATE_LIMITED, UPSTREAM_RATE_LIMITED -> Duration.ofMinutes(1); // the limits count per minute
            case UPSTREAM_BUSY -> Duration.ofSeconds(3); // what WeChat's own -1 answers ask for
            // A timeout has already cost the client seconds; an instant retry only feeds the breaker's window.
            case UPSTREAM_UNAVAILABLE -> Duration.ofSeconds(5);
            // A pool waits 3 s for a connection before giving up; a few seconds more is a fair first retry.
            case STORAGE_UNAVAILABLE, NOT_READY -> Duration.ofSeconds(5);
            // Lock waits and deadlocks clear as soon as the competing transactions finish, usually at once.
            case STORAGE_BUSY -> Duration.ofSeconds(2);
            case UNAVAILABLE -> Duration.ofSeconds(2); // shutting down: the retry should find another instance
            default -> null;
        });
    }

    /** {@link #retryAfter()} of the type {@code problem} was made from; empty for a generic problem. */
    static Optional<Duration> retryAfterOf(Problem problem) {
        return Arrays.stream(values())
                .filter(type -> type.status == problem.status() && type.code.equals(problem.code()))
                .findFirst()
                .flatMap(ProblemType::retryAfter);
    }
}

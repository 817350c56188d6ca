package dev.wxlogin.adapters.rest;

/**
 * Every kind of error response: its HTTP status, the stable {@code code} clients branch on, a title, and
 * the detail used unless a more specific one is given. Fixed details keep responses free of secrets and
 * make failures that must look alike (every cause of {@code unauthenticated}) byte-identical.
 */
enum ProblemType {
    BAD_REQUEST(400, "bad_request", "Bad request", "The request is malformed"),
    INVALID_CODE(401, "invalid_code", "Invalid login code",
            "The login code is invalid or expired; call wx.login() again"),
    UNAUTHENTICATED(401, "unauthenticated", "Unauthenticated", "A valid bearer token is required"),
    SESSION_EXPIRED(401, "session_expired", "Session expired", "The session has expired; log in again"),
    SESSION_REPLACED(401, "session_replaced", "Session replaced",
            "The session was ended by a newer login; log in again"),
    SESSION_REVOKED(401, "session_revoked", "Session revoked", "The session was logged out; log in again"),
    USER_BLOCKED(403, "user_blocked", "User blocked", "WeChat does not allow this user to log in"),
    NOT_FOUND(404, "not_found", "Not found", "There is nothing here"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "Method not allowed",
            "This resource does not support the request method"),
    CODE_USED(409, "code_used", "Login code already used",
            "The login code was already used; call wx.login() again"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "Payload too large", "The request body is too large"),
    URI_TOO_LONG(414, "uri_too_long", "URI too long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "Unsupported media type",
            "The request body must be application/json"),
    RATE_LIMITED(429, "rate_limited", "Too many requests", "Too many logins; try again later"),
    UPSTREAM_RATE_LIMITED(429, "upstream_rate_limited", "Too many logins",
            "WeChat limits how often this user may log in; try again later"),
    HEADERS_TOO_LARGE(431, "request_header_fields_too_large", "Request header fields too large",
            "The request headers are too large"),
    INTERNAL_ERROR(500, "internal_error", "Internal error", "The server failed to handle the request"),
    UPSTREAM_MISCONFIGURED(502, "upstream_misconfigured", "Server misconfigured",
            "The server's WeChat credentials are misconfigured; this is not the user's fault"),
    UPSTREAM_BUSY(503, "upstream_busy", "WeChat busy", "WeChat is busy; try again shortly"),
    UPSTREAM_UNAVAILABLE(503, "upstream_unavailable", "WeChat unavailable",
            "WeChat cannot be reached right now; try again later"),
    STORAGE_UNAVAILABLE(503, "storage_unavailable", "Database unavailable",
            "The server's database is not answering; try again shortly"),
    STORAGE_BUSY(503, "storage_busy", "Database busy", "The server's database is busy; try again shortly"),
    NOT_READY(503, "not_ready", "Not ready", "The server is not ready to serve requests"),
    UNAVAILABLE(503, "unavailable", "Service unavailable", "The server is unavailable, for example shutting down");

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
}

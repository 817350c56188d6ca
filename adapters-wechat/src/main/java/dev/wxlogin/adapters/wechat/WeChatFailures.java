package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.error.AccessTokenRejected;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.UpstreamFailure;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import static dev.wxlogin.domain.error.UpstreamFailure.Kind.BUSY;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.MISCONFIGURED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.RATE_LIMITED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.REFUSED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.UNAVAILABLE;

/**
 * The domain errors a failed WeChat call becomes, by the errcodes every API shares, and those of calls not made
 * while WeChat is unwell. Keyed on WeChat's errcode only: its errmsg wording varies. Messages are for humans and
 * never carry a code, a token or the AppSecret; where a single-use code may be gone, they say what a login does.
 */
final class WeChatFailures {
    static final int SYSTEM_BUSY = -1;
    static final int MINUTE_QUOTA = 45011;
    /** Bad or missing AppID or AppSecret, an IP not whitelisted, a frozen secret, a wrong grant_type. */
    static final Set<Integer> CREDENTIAL_ERRCODES = Set.of(40013, 40125, 41002, 41004, 40164, 40243, 40002);
    /** Invalid or superseded (40001), malformed (40014), expired (42001): the same for every API that takes one. */
    static final Set<Integer> TOKEN_ERRCODES = Set.of(40001, 40014, 42001);
    /** WeChat's minute quota resets with the next minute. */
    static final Duration RATE_LIMIT_RETRY_AFTER = Duration.ofSeconds(60);
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(3);
    static final Duration BULKHEAD_FULL_RETRY_AFTER = Duration.ofSeconds(1);

    private static final String CALL_WX_LOGIN_AGAIN = "; call wx.login() again for a new code";

    private WeChatFailures() {}

    /** WeChat refused the request's access_token, for the caller to replace it and try once more. */
    static Optional<DomainException> tokenRejected(WeChatRequest request, int errcode) {
        return request.accessToken()
                .filter(token -> TOKEN_ERRCODES.contains(errcode))
                .map(token -> new AccessTokenRejected(errcode));
    }

    /** An errcode the API did not claim for itself. */
    static DomainException forErrcode(int errcode) {
        if (CREDENTIAL_ERRCODES.contains(errcode)) {
            return new UpstreamFailure(MISCONFIGURED, "WeChat refused this server's AppID/AppSecret configuration"
                    + " (errcode " + errcode + "); the server's operator must fix it", null);
        }
        return switch (errcode) {
            case MINUTE_QUOTA -> new UpstreamFailure(RATE_LIMITED,
                    "WeChat's per-user minute quota is exhausted; try again next minute", RATE_LIMIT_RETRY_AFTER);
            case SYSTEM_BUSY -> new UpstreamFailure(BUSY,
                    "WeChat is busy; try again in a few seconds", BUSY_RETRY_AFTER);
            // Neither the user's fault nor an outage; whether WeChat took the code is unknown, so it stays claimed.
            default -> new UpstreamFailure(REFUSED, "WeChat refused the request with errcode " + errcode
                    + ", which this server does not know" + CALL_WX_LOGIN_AGAIN, null);
        };
    }

    static UpstreamFailure unreadable(String apiName) {
        return new UpstreamFailure(UNAVAILABLE, "WeChat answered with something that is not a " + apiName + " result", null);
    }

    /** The request never left, so the client may try the same code again. */
    static UpstreamFailure notSent() {
        return new UpstreamFailure(UNAVAILABLE, "WeChat could not be reached", null, true);
    }

    static UpstreamFailure unanswered() {
        return new UpstreamFailure(UNAVAILABLE,
                "WeChat did not answer in time and may have used up the login code" + CALL_WX_LOGIN_AGAIN, null);
    }

    /** WeChat was not called, so the client may try the same code again. */
    static UpstreamFailure breakerOpen(Duration retryAfter) {
        return new UpstreamFailure(UNAVAILABLE, "WeChat is not answering; try again shortly", retryAfter, true);
    }

    static UpstreamFailure bulkheadFull() {
        return new UpstreamFailure(BUSY, "Too many logins are waiting for WeChat; try again in a moment",
                BULKHEAD_FULL_RETRY_AFTER);
    }

    static UpstreamFailure interrupted() {
        return new UpstreamFailure(UNAVAILABLE, "The call to WeChat was interrupted", null);
    }
}

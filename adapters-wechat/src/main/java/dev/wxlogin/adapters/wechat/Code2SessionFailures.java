package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.error.UpstreamFailure;

import java.time.Duration;

import static dev.wxlogin.domain.error.UpstreamFailure.Kind.BUSY;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.MISCONFIGURED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.RATE_LIMITED;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.UNAVAILABLE;

/**
 * The domain errors a failed code2Session call becomes, and those of calls not made while WeChat is unwell.
 * Keyed on WeChat's errcode only: its errmsg wording varies. Messages are for developers (what a client reads is
 * the REST adapter's) and never carry the code or the AppSecret.
 */
final class Code2SessionFailures {
    static final int SYSTEM_BUSY = -1;
    /** WeChat's minute quota resets with the next minute. */
    static final Duration RATE_LIMIT_RETRY_AFTER = Duration.ofSeconds(60);
    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(3);
    static final Duration BULKHEAD_FULL_RETRY_AFTER = Duration.ofSeconds(1);

    private static final String CALL_WX_LOGIN_AGAIN = "; call wx.login() again for a new code";

    private Code2SessionFailures() {}

    static DomainException forErrcode(int errcode) {
        return switch (errcode) {
            case 40029, 41008 -> new LoginRejected(LoginRejected.Reason.INVALID_CODE);
            case 40163 -> new LoginRejected(LoginRejected.Reason.CODE_USED);
            case 40226 -> new LoginRejected(LoginRejected.Reason.USER_BLOCKED);
            case 45011 -> new UpstreamFailure(RATE_LIMITED,
                    "WeChat's per-user minute quota is exhausted; try again next minute", RATE_LIMIT_RETRY_AFTER);
            case SYSTEM_BUSY -> new UpstreamFailure(BUSY,
                    "WeChat is busy; try again in a few seconds", BUSY_RETRY_AFTER);
            case 40013, 40125, 41002, 41004, 40164, 40243, 40002 -> new UpstreamFailure(MISCONFIGURED,
                    "WeChat refused this server's AppID/AppSecret configuration (errcode " + errcode
                            + "); the server's operator must fix it", null);
            default -> new UpstreamFailure(UNAVAILABLE, "WeChat answered with unexpected errcode " + errcode, null);
        };
    }

    static UpstreamFailure unreadable() {
        return new UpstreamFailure(UNAVAILABLE, "WeChat answered with something that is not a code2Session result", null);
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

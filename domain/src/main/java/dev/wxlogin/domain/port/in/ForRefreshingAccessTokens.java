package dev.wxlogin.domain.port.in;

import java.time.Instant;

/**
 * The proactive side of the access_token service: a job on every instance calls this, and the tokens are replaced
 * before they expire, inside the window in which WeChat issues new ones, by whichever instance gets there first.
 */
public interface ForRefreshingAccessTokens {
    /** Refreshes every stored token that is due; answers when to call again. A refresh that fails is logged, not thrown:
     * callers keep the stored token while it lives. */
    Instant refreshDue();
}

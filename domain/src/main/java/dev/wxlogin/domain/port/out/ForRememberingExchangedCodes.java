package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.app.AppId;

import java.time.Instant;

/**
 * Which login codes have been sent to WeChat, shared by every instance, so that a replayed code is
 * answered without calling WeChat again. Only the code's fingerprint is stored.
 */
public interface ForRememberingExchangedCodes {
    /**
     * Claims the code for one exchange, committed at once (outside any caller's transaction). Returns
     * false if it was claimed before and the claim has not expired: exactly one concurrent caller wins.
     */
    boolean claim(AppId appId, LoginCode code, Instant now, Instant expiresAt);

    /** Gives a claim back when WeChat certainly did not consume the code, so the client may retry. */
    void release(AppId appId, LoginCode code);

    /** Deletes at most {@code limit} claims expired before {@code now}; returns how many. */
    int deleteExpired(Instant now, int limit);
}

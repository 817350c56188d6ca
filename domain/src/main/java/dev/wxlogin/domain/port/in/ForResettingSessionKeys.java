package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.user.UserId;

/**
 * An operator suspects a user's session_key leaked: WeChat replaces it ({@code /wxa/resetusersessionkey}) and
 * the server keeps the new one, so open data sealed with the old key no longer decrypts.
 */
public interface ForResettingSessionKeys {
    /**
     * @throws dev.wxlogin.domain.error.NotFound        if there is no such user, or the user has no live session
     * @throws dev.wxlogin.domain.error.UpstreamFailure if WeChat cannot do it now
     */
    void reset(UserId user);
}

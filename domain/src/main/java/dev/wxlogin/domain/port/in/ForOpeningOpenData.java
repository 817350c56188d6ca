package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.opendata.EncryptedOpenData;
import dev.wxlogin.domain.opendata.OpenData;
import dev.wxlogin.domain.session.SessionToken;

/**
 * Decrypt and verify the open data a mini program handed the signed-in user, with their stored session_key, and
 * act on the shapes the server knows (a user-info unionId is recorded on a user who has none).
 */
public interface ForOpeningOpenData {
    /**
     * @throws dev.wxlogin.domain.error.OpenDataRejected with the reason the data is refused; when it does not
     *         decrypt or its signature fails, WeChat is asked whether the stored key is still current, so that
     *         {@code SESSION_KEY_STALE} (fetch the data again after wx.login) is told from data that is wrong
     * @throws dev.wxlogin.domain.error.AuthenticationFailed for a token that proves no live session
     * @throws dev.wxlogin.domain.error.WeChatSessionRequired for a password session, which has no session_key
     */
    OpenData open(SessionToken token, EncryptedOpenData data);
}

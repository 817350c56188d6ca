package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.app.AppId;

/** WeChat's code2Session: who is behind this login code? */
public interface ForExchangingLoginCodes {
    /**
     * @throws dev.wxlogin.domain.error.LoginRejected   WeChat refused the code or the user
     * @throws dev.wxlogin.domain.error.UpstreamFailure WeChat could not answer, or our credentials are wrong
     */
    WeChatIdentity exchange(AppId appId, LoginCode code);
}

package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.phone.PhoneCode;
import dev.wxlogin.domain.phone.VerifiedPhone;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.user.OpenId;

/** WeChat's getuserphonenumber: the phone number behind the code of the user's getPhoneNumber button. */
public interface ForLookingUpPhoneNumbers {
    /**
     * @param user the openid the code must belong to (WeChat checks it)
     * @throws dev.wxlogin.domain.error.PhoneCodeRejected   the code is invalid, used, expired, or not this user's
     * @throws dev.wxlogin.domain.error.AccessTokenRejected WeChat refused {@code token}
     * @throws dev.wxlogin.domain.error.UpstreamFailure     WeChat could not answer
     */
    VerifiedPhone lookUp(AccessToken token, AppId app, OpenId user, PhoneCode code);
}

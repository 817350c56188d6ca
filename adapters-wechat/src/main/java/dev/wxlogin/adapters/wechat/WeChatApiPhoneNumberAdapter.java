package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.phone.PhoneCode;
import dev.wxlogin.domain.phone.VerifiedPhone;
import dev.wxlogin.domain.port.out.ForLookingUpPhoneNumbers;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.user.OpenId;

/**
 * WeChat's getuserphonenumber over HTTP, through the {@link WeChatHttpClient}: the access_token travels in the
 * query string and the phone code in the body, both secrets that are never logged. The openid goes along so
 * that WeChat refuses a code another user's button gave.
 */
public final class WeChatApiPhoneNumberAdapter implements ForLookingUpPhoneNumbers, AutoCloseable {
    private final WeChatHttpClient wechat;
    private final WeChatHttpClient.GuardedApi<VerifiedPhone> phoneNumbers;

    public WeChatApiPhoneNumberAdapter(WeChatApiSettings settings) {
        this.wechat = new WeChatHttpClient(settings);
        this.phoneNumbers = wechat.api(new GetUserPhoneNumberApi());
    }

    @Override
    public VerifiedPhone lookUp(AccessToken token, AppId app, OpenId user, PhoneCode code) {
        return phoneNumbers.call(WeChatRequest.postJson(app)
                .accessToken(token)
                .secretField("code", code.value())
                .field("openid", user.value()));
    }

    /** Stops the HTTP client's threads; calls still under way finish first. */
    @Override
    public void close() {
        wechat.close();
    }
}

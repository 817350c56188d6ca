package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.PhoneCodeRejected;
import dev.wxlogin.domain.phone.PhoneCode;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.phone.VerifiedPhone;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForBindingPhoneNumbers;
import dev.wxlogin.domain.port.out.ForLookingUpPhoneNumbers;
import dev.wxlogin.domain.port.out.ForStoringSessions;
import dev.wxlogin.domain.port.out.ForStoringUsers;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionPolicy;
import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.User;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Set;

/**
 * The getPhoneNumber button's code becomes the caller's phone number: WeChat is asked with the app's access_token
 * and the caller's openid (so a code of another user's is refused by WeChat itself), and the answer is believed
 * only with our app's watermark. The number is personal data: logged masked, if at all.
 */
public final class PhoneBindingService implements ForBindingPhoneNumbers {
    private static final System.Logger EVENTS = System.getLogger("wxlogin.security");

    private final AuthenticationService authentication;
    private final AccessTokenCalls calls;
    private final ForLookingUpPhoneNumbers wechat;
    private final ForStoringUsers users;

    public PhoneBindingService(ForLookingUpPhoneNumbers wechat, ForGettingAccessTokens tokens, ForStoringSessions sessions,
                              ForStoringUsers users, Set<AppId> apps, SessionPolicy policy, Clock clock) {
        this.authentication = new AuthenticationService(sessions, apps, policy, clock);
        this.calls = new AccessTokenCalls(tokens);
        this.wechat = wechat;
        this.users = users;
    }

    @Override
    public PhoneNumber bind(SessionToken caller, PhoneCode code) {
        User user = authentication.authenticate(caller).weChatUser();
        VerifiedPhone verified = calls.call(user.appId(), token -> wechat.lookUp(token, user.appId(), user.openId(), code));
        if (!verified.watermarkAppId().equals(user.appId())) {
            EVENTS.log(Level.WARNING, "phone number refused: watermark of another app user={0} watermark={1}",
                    user.id(), verified.watermarkAppId());
            throw new PhoneCodeRejected("WeChat answered the phone code with another app's watermark");
        }
        users.savePhone(user.id(), verified.number());
        EVENTS.log(Level.INFO, "phone number registered user={0} phone={1}", user.id(), verified.number());
        return verified.number();
    }
}

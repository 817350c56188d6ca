package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.phone.PhoneCode;
import dev.wxlogin.domain.phone.PhoneNumber;
import dev.wxlogin.domain.session.SessionToken;

/** A signed-in user hands over the code of the getPhoneNumber button; the number WeChat verified becomes theirs. */
public interface ForBindingPhoneNumbers {
    /**
     * Stores the caller's phone number, replacing any earlier one, and answers it.
     *
     * @throws dev.wxlogin.domain.error.AuthenticationFailed unless {@code caller} belongs to a live session
     * @throws dev.wxlogin.domain.error.WeChatSessionRequired for a password session: a number is a mini program user's
     * @throws dev.wxlogin.domain.error.PhoneCodeRejected    the code gives no number of the caller's; nothing changed
     * @throws dev.wxlogin.domain.error.UpstreamFailure      WeChat cannot answer now; nothing changed
     */
    PhoneNumber bind(SessionToken caller, PhoneCode code);
}

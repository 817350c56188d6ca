package dev.wxlogin.domain.error;

/**
 * A phone code that yields no phone number of the caller's: invalid, expired, used, issued to another user or
 * app (WeChat 40029 and its kin), or answered with another app's watermark. Nothing is stored; the client asks
 * the user to tap the button again.
 */
public final class PhoneCodeRejected extends DomainException {
    public PhoneCodeRejected(String message) {
        super(message);
    }
}

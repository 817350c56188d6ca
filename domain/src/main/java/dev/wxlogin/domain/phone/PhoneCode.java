package dev.wxlogin.domain.phone;

import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.Validate;

/**
 * The code of the mini program's getPhoneNumber button ({@code e.detail.code}), not a {@code wx.login()} code:
 * single-use, five minutes, and it yields the user's phone number, so it is a credential: never printed.
 */
public record PhoneCode(String value) {
    public static final int MAX_LENGTH = 128;

    public PhoneCode {
        Validate.visibleAscii(value, MAX_LENGTH, "code");
    }

    @Override
    public String toString() {
        return Secret.redacted(PhoneCode.class);
    }
}

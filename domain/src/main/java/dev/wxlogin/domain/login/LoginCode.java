package dev.wxlogin.domain.login;

import dev.wxlogin.domain.Hashing;
import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.Validate;

/**
 * The one-time code from {@code wx.login()}: valid 5 minutes, usable once. 1..128 visible ASCII
 * characters; anything else is rejected before WeChat is called. A credential, so never printed.
 */
public record LoginCode(String value) {
    public static final int MAX_LENGTH = 128;

    public LoginCode {
        Validate.visibleAscii(value, MAX_LENGTH, "code");
    }

    /** What is stored to remember that a code was exchanged: its SHA-256, never the code. */
    public String fingerprint() {
        return Hashing.sha256Hex(value);
    }

    @Override
    public String toString() {
        return Secret.redacted(LoginCode.class);
    }
}

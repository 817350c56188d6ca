package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.password.Password;

/** A list of the passwords guessed first, which a new password must not be (ASVS 6.2.4). */
public interface ForRecognisingCommonPasswords {
    boolean isCommon(Password password);
}

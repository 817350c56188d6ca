package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.password.Password;
import dev.wxlogin.domain.password.PasswordHash;

/** A slow, salted password hash with its parameters in the hash, so that they can be raised later. */
public interface ForHashingPasswords {
    /** A new hash under the current parameters, with a new random salt. */
    PasswordHash hash(Password password);

    /** Whether the password is the one hashed, in time independent of where they differ. */
    boolean verify(Password password, PasswordHash hash);

    /** Whether the hash was made with other parameters than the current ones, and should be made again. */
    boolean needsRehash(PasswordHash hash);
}

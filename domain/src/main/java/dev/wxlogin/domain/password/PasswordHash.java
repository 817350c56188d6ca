package dev.wxlogin.domain.password;

import dev.wxlogin.domain.Secret;
import dev.wxlogin.domain.Validate;

/**
 * A stored password hash in the PHC string format ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}): the algorithm and
 * its parameters travel with the hash, so a hash made with older parameters is still verified and then replaced.
 * Not a secret like a token, but a hash invites offline guessing, so it is never printed either.
 */
public record PasswordHash(String value) {
    public PasswordHash {
        Validate.visibleAscii(value, 512, "password hash");
    }

    @Override
    public String toString() {
        return Secret.redacted(PasswordHash.class);
    }
}

package dev.wxlogin.domain.account;

import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.Validate;

/**
 * Our own id for a person: one account holds their users in every mini program (joined by a shared unionid) and
 * any other identity they log in with. Random, like {@link dev.wxlogin.domain.user.UserId}.
 */
public record AccountId(String value) {
    public AccountId {
        Validate.identifier(value, 64, "account id");
    }

    public static AccountId random() {
        return new AccountId("a_" + Randomness.base64url(12));
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.wxlogin.domain.user;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.phone.PhoneNumber;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person as one mini program knows them: unique per (AppID, openid). A disabled user keeps their row
 * but no session of theirs authenticates.
 *
 * @param accountId the person's account, the same for their users in every mini program that shares a unionid
 * @param phone     the number WeChat last verified for the user through the getPhoneNumber button
 */
public record User(UserId id, AccountId accountId, AppId appId, OpenId openId, Optional<UnionId> unionId,
                   Instant createdAt, Optional<Instant> disabledAt, Optional<PhoneNumber> phone) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
        Objects.requireNonNull(phone, "phone");
    }

    /** A new user, neither disabled nor with a phone number. */
    public static User created(UserId id, AccountId accountId, AppId appId, OpenId openId, Optional<UnionId> unionId,
                               Instant createdAt) {
        return new User(id, accountId, appId, openId, unionId, createdAt, Optional.empty(), Optional.empty());
    }

    public boolean disabled() {
        return disabledAt.isPresent();
    }

    public User withAccount(AccountId account) {
        return new User(id, account, appId, openId, unionId, createdAt, disabledAt, phone);
    }

    public User withUnionId(Optional<UnionId> union) {
        return new User(id, accountId, appId, openId, union, createdAt, disabledAt, phone);
    }

    public User withDisabledAt(Optional<Instant> disabled) {
        return new User(id, accountId, appId, openId, unionId, createdAt, disabled, phone);
    }

    public User withPhone(Optional<PhoneNumber> number) {
        return new User(id, accountId, appId, openId, unionId, createdAt, disabledAt, number);
    }
}

package dev.wxlogin.domain.user;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.phone.PhoneNumber;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person as one mini program knows them: unique per (AppID, openid). A disabled user keeps their row
 * but no session of theirs authenticates.
 *
 * @param phone the number WeChat last verified for the user through the getPhoneNumber button
 */
public record User(UserId id, AppId appId, OpenId openId, Optional<UnionId> unionId, Instant createdAt,
                   Optional<Instant> disabledAt, Optional<PhoneNumber> phone) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
        Objects.requireNonNull(phone, "phone");
    }

    /** A user without a phone number. */
    public User(UserId id, AppId appId, OpenId openId, Optional<UnionId> unionId, Instant createdAt,
                Optional<Instant> disabledAt) {
        this(id, appId, openId, unionId, createdAt, disabledAt, Optional.empty());
    }

    public boolean disabled() {
        return disabledAt.isPresent();
    }
}

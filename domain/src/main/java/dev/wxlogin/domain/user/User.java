package dev.wxlogin.domain.user;

import dev.wxlogin.domain.app.AppId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person as one mini program knows them: unique per (AppID, openid). A disabled user keeps their row
 * but no session of theirs authenticates.
 */
public record User(UserId id, AppId appId, OpenId openId, Optional<UnionId> unionId, Instant createdAt,
                   Optional<Instant> disabledAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(openId, "openId");
        Objects.requireNonNull(unionId, "unionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(disabledAt, "disabledAt");
    }

    public boolean disabled() {
        return disabledAt.isPresent();
    }
}

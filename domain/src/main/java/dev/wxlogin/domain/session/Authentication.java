package dev.wxlogin.domain.session;

import dev.wxlogin.domain.user.User;

import java.util.Objects;

/** A caller proven by a live session: who they are and which session they used. */
public record Authentication(User user, Session session) {
    public Authentication {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
    }
}

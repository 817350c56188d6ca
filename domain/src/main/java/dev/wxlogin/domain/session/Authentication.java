package dev.wxlogin.domain.session;

import dev.wxlogin.domain.user.User;

import java.util.Objects;

/**
 * A caller proven by a live session: who they are and which session they used, as
 * {@link dev.wxlogin.domain.port.in.ForAuthenticating} answers. A statement, not a credential: no port
 * accepts one, so constructing one grants nothing. Ports that act for a caller take the caller's
 * {@link SessionToken} and authenticate it themselves.
 */
public record Authentication(User user, Session session) {
    public Authentication {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
    }
}

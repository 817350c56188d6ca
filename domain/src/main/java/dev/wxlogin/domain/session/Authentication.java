package dev.wxlogin.domain.session;

import dev.wxlogin.domain.account.AccountId;
import dev.wxlogin.domain.error.WeChatSessionRequired;
import dev.wxlogin.domain.user.User;

import java.util.Objects;
import java.util.Optional;

/**
 * A caller proven by a live session: who they are and which session they used, as
 * {@link dev.wxlogin.domain.port.in.ForAuthenticating} answers. A statement, not a credential: no port
 * accepts one, so constructing one grants nothing. Ports that act for a caller take the caller's
 * {@link SessionToken} and authenticate it themselves.
 *
 * @param user the WeChat user of the session's mini program; none for a password session, which is the account's
 */
public record Authentication(Optional<User> user, Session session) {
    public Authentication {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(session, "session");
        if (!user.map(User::id).equals(session.userId())) {
            throw new IllegalArgumentException("the user is the session's own");
        }
    }

    /** A WeChat session's caller. */
    public static Authentication of(User user, Session session) {
        return new Authentication(Optional.of(user), session);
    }

    /** A password session's caller: an account, with no user in any mini program. */
    public static Authentication ofAccount(Session session) {
        return new Authentication(Optional.empty(), session);
    }

    public AccountId accountId() {
        return session.accountId();
    }

    /**
     * The caller's user in their mini program, for what only a WeChat login can vouch for (phone numbers, open data,
     * profiles); refused for a password session.
     */
    public User weChatUser() {
        return user.orElseThrow(WeChatSessionRequired::new);
    }
}

package dev.wxlogin.domain.login;

import dev.wxlogin.domain.session.SessionToken;
import dev.wxlogin.domain.user.User;

import java.time.Duration;

/**
 * A successful login: the only place a raw session token ever leaves the server. {@code expiresIn} is
 * how long the token stays valid if it is not used (the idle timeout, capped by the absolute lifetime).
 */
public record LoginResult(SessionToken token, Duration expiresIn, User user, boolean newUser) {
}

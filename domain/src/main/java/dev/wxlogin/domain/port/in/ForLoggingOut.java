package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.session.SessionToken;

/** End the session a token belongs to. Idempotent: an unknown or ended token is not an error. */
public interface ForLoggingOut {
    void logOut(SessionToken token);
}

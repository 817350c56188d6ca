package dev.wxlogin.domain.port.in;

import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionToken;

/** Tell who holds a session token; every use keeps the session from idling out. */
public interface ForAuthenticating {
    /** @throws dev.wxlogin.domain.error.AuthenticationFailed with the reason the token is not accepted */
    Authentication authenticate(SessionToken token);
}

package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.session.Authentication;
import dev.wxlogin.domain.session.SessionToken;
import io.javalin.http.Context;

/**
 * Proves who is calling. A missing header, another scheme, a malformed and an unknown token all fail with
 * the same {@link AuthenticationFailed#unauthenticated()}, so the response tells a prober nothing. A request that
 * names its mini program ({@link RequestedApp}) presents its token for that app, which authentication holds it to.
 */
final class BearerAuthentication {
    private final ForAuthenticating authenticating;

    BearerAuthentication(ForAuthenticating authenticating) {
        this.authenticating = authenticating;
    }

    Authentication authenticate(Context ctx) {
        return authenticating.authenticate(token(ctx));
    }

    /** The caller's token, for a use case that authenticates it itself: one request, one use-case call. */
    static SessionToken token(Context ctx) {
        String credentials = BearerCredentials.of(ctx.req()).orElseThrow(AuthenticationFailed::unauthenticated);
        SessionToken token = SessionToken.parse(credentials);
        return RequestedApp.of(ctx.req()).map(token::presentedFor).orElse(token);
    }
}

package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.error.AuthenticationFailed;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.session.SessionId;
import dev.wxlogin.domain.session.SessionToken;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.Optional;

/** The signed-in user's own account: who they are, their sessions (devices), and logging out. */
final class SessionEndpoints {
    private final BearerAuthentication authentication;
    private final ForLoggingOut loggingOut;
    private final ForManagingSessions sessions;

    SessionEndpoints(BearerAuthentication authentication, ForLoggingOut loggingOut, ForManagingSessions sessions) {
        this.authentication = authentication;
        this.loggingOut = loggingOut;
        this.sessions = sessions;
    }

    /**
     * Ends the session of the bearer token. Idempotent and silent: a malformed, unknown or already ended token
     * also gets 204, so logout reveals nothing about a token. Only a request with no bearer token at all is 401.
     */
    void logOut(Context ctx) {
        String credentials = BearerCredentials.of(ctx.req()).orElseThrow(AuthenticationFailed::unauthenticated);
        wellFormed(credentials).ifPresent(loggingOut::logOut);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void list(Context ctx) {
        ctx.json(ResponseBodies.Sessions.of(sessions.liveSessions(BearerAuthentication.token(ctx))));
    }

    void revoke(Context ctx) {
        Optional<SessionId> id = sessionId(ctx.pathParam("id"));
        if (id.isEmpty()) { // cannot exist: answered like an id that does not, once the caller is proven
            authentication.authenticate(ctx);
            throw new NotFound("No such session");
        }
        sessions.revoke(BearerAuthentication.token(ctx), id.get());
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void revokeAll(Context ctx) {
        ctx.json(new ResponseBodies.Ended(sessions.revokeAll(BearerAuthentication.token(ctx))));
    }

    // No token at all has no session to end; anything else is looked up like any token.
    private static Optional<SessionToken> wellFormed(String credentials) {
        try {
            return Optional.of(SessionToken.parse(credentials));
        } catch (AuthenticationFailed malformed) {
            return Optional.empty();
        }
    }

    private static Optional<SessionId> sessionId(String text) {
        try {
            return Optional.of(new SessionId(text));
        } catch (InvalidInput malformed) {
            return Optional.empty();
        }
    }
}

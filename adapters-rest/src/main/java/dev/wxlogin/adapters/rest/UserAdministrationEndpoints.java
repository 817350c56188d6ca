package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.port.in.ForDisablingUsers;
import dev.wxlogin.domain.port.in.ForEndingUsersSessions;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;
import dev.wxlogin.domain.user.UserId;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * What an operator does to one user, by our user id (a malformed one is 400, an unknown one 404). Each action is
 * idempotent; none needs a request body, and any body is ignored.
 */
final class UserAdministrationEndpoints {
    private final ForDisablingUsers disabling;
    private final ForEndingUsersSessions endingSessions;
    private final ForResettingSessionKeys resettingKeys;

    UserAdministrationEndpoints(ForDisablingUsers disabling, ForEndingUsersSessions endingSessions,
                                ForResettingSessionKeys resettingKeys) {
        this.disabling = disabling;
        this.endingSessions = endingSessions;
        this.resettingKeys = resettingKeys;
    }

    void disable(Context ctx) {
        disabling.disable(user(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void enable(Context ctx) {
        disabling.enable(user(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    void endSessions(Context ctx) {
        ctx.json(new ResponseBodies.Ended(endingSessions.endAll(user(ctx))));
    }

    void resetSessionKey(Context ctx) {
        resettingKeys.reset(user(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static UserId user(Context ctx) {
        return new UserId(ctx.pathParam("id")); // the domain's message names the rule, never the id
    }
}

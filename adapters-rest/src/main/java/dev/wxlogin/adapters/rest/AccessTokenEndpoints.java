package dev.wxlogin.adapters.rest;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.token.AccessToken;
import io.javalin.http.Context;

import java.util.List;
import java.util.Optional;

/**
 * The central access_token, for business servers: the current one, and a replacement for one a WeChat API refused.
 * The only responses of wxlogin that carry an access_token; the common headers keep every cache from storing them.
 */
final class AccessTokenEndpoints {
    private final ForGettingAccessTokens tokens;
    private final JsonRequestBodies bodies;
    private final List<AppId> apps;

    AccessTokenEndpoints(ForGettingAccessTokens tokens, JsonRequestBodies bodies, List<AppId> apps) {
        this.tokens = tokens;
        this.bodies = bodies;
        this.apps = apps;
    }

    /** {@code GET /internal/v1/access-token[?appId=]} */
    void current(Context ctx) {
        AppId app = app(Optional.ofNullable(ctx.queryParam("appId")));
        ctx.json(ResponseBodies.AccessTokenBody.of(tokens.current(app)));
    }

    /** {@code POST /internal/v1/access-token/refresh} {@code {"rejectedToken":"…"[,"appId":"…"]}} */
    void refresh(Context ctx) {
        JsonObjectBody body = bodies.read(ctx.req());
        AccessToken rejected = new AccessToken(body.requiredString("rejectedToken"));
        AppId app = app(body.optionalString("appId"));
        ctx.json(ResponseBodies.AccessTokenBody.of(tokens.replaceRejected(app, rejected)));
    }

    private AppId app(Optional<String> named) {
        if (named.isEmpty()) {
            if (apps.size() > 1) {
                throw new ProblemException(ProblemType.BAD_REQUEST,
                        "This server serves several mini programs: appId is required");
            }
            return apps.getFirst();
        }
        AppId app = new AppId(named.get());
        if (!apps.contains(app)) {
            throw new ProblemException(ProblemType.UNKNOWN_APP);
        }
        return app;
    }
}

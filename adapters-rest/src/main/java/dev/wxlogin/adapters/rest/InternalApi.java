package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.port.in.ForDisablingUsers;
import dev.wxlogin.domain.port.in.ForEndingUsersSessions;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForResettingSessionKeys;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;

/**
 * The API for other servers and operators, on a listener of its own that must never be reachable from the
 * public network. Every request needs one of {@link InternalSettings#apiKeys()} as its bearer token (401
 * otherwise; see {@link ApiKeyAuthentication} on the limit of failed attempts); errors, headers and the access log
 * are as on {@link RestApi}, whose routes do not exist here. Create, {@link #start()}, and {@link #stop()} when done.
 *
 * <pre>
 * GET    /internal/v1/access-token[?appId=]          200 {"appId","accessToken","expiresAt"}
 * POST   /internal/v1/access-token/refresh           200 the same; body {"rejectedToken"[,"appId"]}
 * POST   /internal/v1/users/{id}/disable             204 | 404 not_found
 * POST   /internal/v1/users/{id}/enable              204 | 404 not_found
 * DELETE /internal/v1/users/{id}/sessions            200 {"ended":n} | 404 not_found
 * POST   /internal/v1/users/{id}/reset-session-key   204 | 404 not_found
 * </pre>
 */
public final class InternalApi {
    private final Javalin app;

    /** @param shared the public listener's settings, whose limits, timeouts and trusted proxies apply here too */
    public InternalApi(ForGettingAccessTokens tokens, ForDisablingUsers disabling, ForEndingUsersSessions endingSessions,
                       ForResettingSessionKeys resettingKeys, InternalSettings settings, RestSettings shared) {
        this(tokens, disabling, endingSessions, resettingKeys, settings, shared, TimeMeter.SYSTEM_NANOTIME);
    }

    // Tests pass a clock they move, so that the failure budget refills without waiting.
    InternalApi(ForGettingAccessTokens tokens, ForDisablingUsers disabling, ForEndingUsersSessions endingSessions,
                ForResettingSessionKeys resettingKeys, InternalSettings settings, RestSettings shared, TimeMeter time) {
        ObjectMapper json = JsonMapping.create();
        ApiKeyAuthentication authentication = new ApiKeyAuthentication(new ApiKeys(settings.apiKeys()), shared, time);
        AccessTokenEndpoints accessTokens = new AccessTokenEndpoints(tokens,
                new JsonRequestBodies(json, shared.maxBodyBytes()), settings.apps());
        UserAdministrationEndpoints users = new UserAdministrationEndpoints(disabling, endingSessions, resettingKeys);

        this.app = Javalin.create(config -> {
            HttpServerSetup.apply(config, settings.host(), settings.port(), shared, json);
            RoutesConfig routes = config.routes;
            routes.before(authentication::admit);
            HttpServerSetup.readable(routes, "/internal/v1/access-token", accessTokens::current);
            routes.post("/internal/v1/access-token/refresh", accessTokens::refresh);
            routes.post("/internal/v1/users/{id}/disable", users::disable);
            routes.post("/internal/v1/users/{id}/enable", users::enable);
            routes.delete("/internal/v1/users/{id}/sessions", users::endSessions);
            routes.post("/internal/v1/users/{id}/reset-session-key", users::resetSessionKey);
        });
    }

    /** Binds and starts serving; returns once the port is open. */
    public InternalApi start() {
        app.start();
        return this;
    }

    /** The bound port: the configured one, or the one picked for port 0. */
    public int port() {
        return app.port();
    }

    /** Stops accepting, lets requests in flight finish (up to the stop timeout), then closes every connection. */
    public void stop() {
        app.stop();
    }
}

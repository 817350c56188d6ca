package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.in.ForGettingSandboxCodes;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;

import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The HTTP API of wxlogin: JSON in and out, RFC 9457 problem+json for every error, bearer tokens in the
 * Authorization header only. Create, {@link #start()}, and {@link #stop()} when done; an instance serves once.
 *
 * <pre>
 * GET    /health                  200 {"status":"UP"}
 * GET    /ready                   200 {"status":"READY"} | 503 not_ready
 * POST   /sandbox/code            200 {"code"}            (only with a sandbox)
 * POST   /api/v1/login            200 {"token","tokenType","expiresIn","user"}
 * GET    /api/v1/me               200 the user and the current session
 * POST   /api/v1/logout           204 (any bearer token, even malformed or unknown)
 * GET    /api/v1/sessions         200 {"sessions":[...]}
 * DELETE /api/v1/sessions/{id}    204 | 404 not_found
 * POST   /api/v1/logout-all       200 {"ended":n}
 * </pre>
 */
public final class RestApi {
    private final Javalin app;

    /**
     * @param sandbox   the sandbox's {@code wx.login()}, or empty when the sandbox is off (then its route is 404)
     * @param readiness whether {@code /ready} reports ready; called on every probe, so it should be cheap
     */
    public RestApi(ForLoggingIn loggingIn, ForAuthenticating authenticating, ForLoggingOut loggingOut,
                   ForManagingSessions sessions, Optional<ForGettingSandboxCodes> sandbox, RestSettings settings,
                   BooleanSupplier readiness) {
        ObjectMapper json = JsonMapping.create();
        JsonRequestBodies bodies = new JsonRequestBodies(json, settings.maxBodyBytes());
        HealthEndpoints health = new HealthEndpoints(readiness);
        LoginEndpoint login = new LoginEndpoint(loggingIn, bodies, new ClientAddresses(settings.trustedProxies()),
                settings.defaultAppId());
        SessionEndpoints account = new SessionEndpoints(new BearerAuthentication(authenticating), loggingOut, sessions);
        Optional<SandboxEndpoint> sandboxCodes =
                sandbox.map(port -> new SandboxEndpoint(port, bodies, settings.defaultAppId()));

        this.app = Javalin.create(config -> {
            HttpServerSetup.apply(config, settings, json);
            RoutesConfig routes = config.routes;
            routes.before(ctx -> CommonHeaders.ALL.forEach(ctx::header));
            routes.get("/health", health::health);
            routes.get("/ready", health::ready);
            sandboxCodes.ifPresent(endpoint -> routes.post("/sandbox/code", endpoint::code));
            routes.post("/api/v1/login", login::logIn);
            routes.get("/api/v1/me", account::me);
            routes.post("/api/v1/logout", account::logOut);
            routes.get("/api/v1/sessions", account::list);
            routes.delete("/api/v1/sessions/{id}", account::revoke);
            routes.post("/api/v1/logout-all", account::revokeAll);
            routes.exception(DomainException.class, ProblemResponses::domainFailure);
            routes.exception(ProblemException.class, ProblemResponses::adapterRefusal);
            routes.exception(HttpResponseException.class, ProblemResponses::routingFailure);
            routes.exception(Exception.class, ProblemResponses::unexpected);
        });
    }

    /** Binds and starts serving; returns once the port is open. */
    public RestApi start() {
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

package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.port.in.ForAuthenticating;
import dev.wxlogin.domain.port.in.ForLoggingIn;
import dev.wxlogin.domain.port.in.ForLoggingOut;
import dev.wxlogin.domain.port.in.ForManagingSessions;
import dev.wxlogin.domain.port.in.ForBindingPhoneNumbers;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;

import java.util.List;
import java.util.function.Supplier;

/**
 * The HTTP API of wxlogin: JSON in and out, RFC 9457 problem+json for every error, bearer tokens in the
 * Authorization header only. Create, {@link #start()}, and {@link #stop()} when done; an instance serves once.
 *
 * <pre>
 * GET    /health                  200 {"status":"UP"}
 * GET    /ready                   200 {"status":"READY","checks":{...}} | 503 not_ready, with "checks" too
 * POST   each ExtraRoute's path   200 its handler's answer   (such as the sandbox's /sandbox/code; rate-limited)
 * POST   /api/v1/login            200 {"token","tokenType","expiresIn","user"}  (rate-limited)
 * GET    /api/v1/me               200 the user (with their phone number, once known) and the current session
 * POST   /api/v1/me/phone         200 {"phoneNumber","purePhoneNumber","countryCode"} | 400 invalid_phone_code
 * POST   /api/v1/logout           204 (any bearer token, even malformed or unknown)
 * GET    /api/v1/sessions         200 {"sessions":[...]}
 * DELETE /api/v1/sessions/{id}    204 | 404 not_found
 * POST   /api/v1/logout-all       200 {"ended":n}
 * </pre>
 *
 * <p>Every {@code /api/v1} route, and the login routes besides, answer 429 {@code rate_limited} with
 * {@code Retry-After} beyond {@link RateLimits}.
 * Every request is logged in one line on {@code dev.wxlogin.adapters.rest.access} at INFO.
 */
public final class RestApi {
    private final Javalin app;

    /**
     * @param extraRoutes routes served beside the API's own, such as the sandbox's; none in production
     * @param readiness   what {@code /ready} reports; called on every probe, so it should be cheap. See
     *                    {@link Readiness} on states that are reported without making the instance unready.
     */
    public RestApi(ForLoggingIn loggingIn, ForAuthenticating authenticating, ForLoggingOut loggingOut,
                   ForManagingSessions sessions, ForBindingPhoneNumbers phones, List<ExtraRoute> extraRoutes,
                   RestSettings settings, Supplier<Readiness> readiness) {
        this(loggingIn, authenticating, loggingOut, sessions, phones, extraRoutes, settings, readiness,
                TimeMeter.SYSTEM_NANOTIME);
    }

    // Tests pass a clock they move, so that buckets refill without waiting.
    RestApi(ForLoggingIn loggingIn, ForAuthenticating authenticating, ForLoggingOut loggingOut,
            ForManagingSessions sessions, ForBindingPhoneNumbers phones, List<ExtraRoute> extraRoutes,
            RestSettings settings, Supplier<Readiness> readiness, TimeMeter time) {
        ObjectMapper json = JsonMapping.create();
        JsonRequestBodies bodies = new JsonRequestBodies(json, settings.maxBodyBytes());
        HealthEndpoints health = new HealthEndpoints(readiness);
        ClientAddresses clientAddresses = new ClientAddresses(settings.trustedProxies());
        RateLimiter limiter = new RateLimiter(settings.rateLimits(), clientAddresses, time);
        LoginEndpoint login = new LoginEndpoint(loggingIn, bodies, clientAddresses, settings.defaultAppId());
        SessionEndpoints account = new SessionEndpoints(new BearerAuthentication(authenticating), loggingOut, sessions);
        PhoneEndpoint phone = new PhoneEndpoint(phones, bodies);

        this.app = Javalin.create(config -> {
            HttpServerSetup.apply(config, settings, json);
            config.requestLogger.http(AccessLog::log);
            RoutesConfig routes = config.routes;
            routes.before(ctx -> CommonHeaders.ALL.forEach(ctx::header));
            routes.before("/api/v1/*", limiter::admitApiCall);
            readable(routes, "/health", health::health);
            readable(routes, "/ready", health::ready);
            extraRoutes.forEach(extra -> routes.post(extra.path(), limiter.limit(served(extra, bodies))));
            routes.post("/api/v1/login", limiter.limit(login::logIn));
            readable(routes, "/api/v1/me", account::me);
            routes.post("/api/v1/me/phone", phone::bind);
            routes.post("/api/v1/logout", account::logOut);
            readable(routes, "/api/v1/sessions", account::list);
            routes.delete("/api/v1/sessions/{id}", account::revoke);
            routes.post("/api/v1/logout-all", account::revokeAll);
            routes.exception(DomainException.class, ProblemResponses::domainFailure);
            routes.exception(ProblemException.class, ProblemResponses::adapterRefusal);
            routes.exception(HttpResponseException.class, ProblemResponses::routingFailure);
            routes.exception(Exception.class, ProblemResponses::unexpected);
        });
    }

    /**
     * GET, and HEAD through the same handler. Javalin would otherwise answer HEAD for a GET route by itself,
     * without running the handler, so an unauthenticated HEAD /api/v1/me would get 200.
     */
    private static void readable(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }

    private static Handler served(ExtraRoute extra, JsonRequestBodies bodies) {
        return ctx -> ctx.json(extra.handler().handle(bodies.read(ctx.req())));
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

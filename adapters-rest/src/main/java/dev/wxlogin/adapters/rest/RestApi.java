package dev.wxlogin.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.TimeMeter;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

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
 * POST   /api/v1/login            200 {"token","tokenType","expiresIn","user"}  ({"code"[,"appId"]} in; rate-limited)
 * POST   /api/v1/accounts         201 {"token","tokenType","expiresIn","account"} ({"username","password"}; rate-limited)
 * POST   /api/v1/login/password   200 the same | 401 invalid_credentials | 429 rate_limited  (rate-limited)
 * PUT    /api/v1/me/password      200 {"username"}  ({"password"[,"username"][,"currentPassword"]} in)
 * POST   /api/v1/me/wechat        200 {"user"}      ({"code"[,"appId"]} in) | 409 wechat_bound_elsewhere
 * GET    /api/v1/me               200 the user, what they filled in, their phone number once known, the session
 * POST   /api/v1/me/phone         200 {"phoneNumber","purePhoneNumber","countryCode"} | 400 invalid_phone_code
 * PUT    /api/v1/me/profile       200 {"nickname","avatarUrl"}        ({"nickname":"…"} in)
 * PUT    /api/v1/me/avatar        200 {"nickname","avatarUrl"}        (multipart field "avatar", or the raw image)
 * GET    /api/v1/avatars/{id}     200 the image, cacheable for good | 304 | 404 not_found   (no bearer token)
 * POST   /api/v1/me/open-data     200 the decrypted open data | 400 invalid_open_data, ... | 409 session_key_stale
 * POST   /api/v1/logout           204 (any bearer token, even malformed or unknown)
 * GET    /api/v1/sessions         200 {"sessions":[...]}
 * DELETE /api/v1/sessions/{id}    204 | 404 not_found
 * POST   /api/v1/logout-all       200 {"ended":n}
 * </pre>
 *
 * <p>Every {@code /api/v1} route, and the login routes besides, answer 429 {@code rate_limited} with
 * {@code Retry-After} beyond {@link RateLimits}.
 * Every request is logged in one line on {@code dev.wxlogin.adapters.rest.access} at INFO. The routes for other
 * servers and operators are {@link InternalApi}'s, on a listener of their own, and do not exist here.
 */
public final class RestApi {
    private final Javalin app;

    /**
     * @param extraRoutes routes served beside the API's own, such as the sandbox's; none in production
     * @param readiness   what {@code /ready} reports; called on every probe, so it should be cheap. See
     *                    {@link Readiness} on states that are reported without making the instance unready.
     */
    public RestApi(UseCases useCases, List<ExtraRoute> extraRoutes, RestSettings settings, Supplier<Readiness> readiness) {
        this(useCases, extraRoutes, settings, readiness, TimeMeter.SYSTEM_NANOTIME);
    }

    // Tests pass a clock they move, so that buckets refill without waiting.
    RestApi(UseCases useCases, List<ExtraRoute> extraRoutes, RestSettings settings, Supplier<Readiness> readiness,
            TimeMeter time) {
        ObjectMapper json = JsonMapping.create();
        JsonRequestBodies bodies = new JsonRequestBodies(json, settings.maxBodyBytes());
        HealthEndpoints health = new HealthEndpoints(readiness);
        ClientAddresses clientAddresses = new ClientAddresses(settings.trustedProxies());
        RateLimiter limiter = new RateLimiter(settings.rateLimits(), clientAddresses, time);
        LoginEndpoint login = new LoginEndpoint(useCases.loggingIn(), bodies, clientAddresses, settings.apps());
        BearerAuthentication bearer = new BearerAuthentication(useCases.authenticating());
        SessionEndpoints account = new SessionEndpoints(bearer, useCases.loggingOut(), useCases.sessions());
        OpenDataEndpoint openDataEndpoint = new OpenDataEndpoint(useCases.openData(), bearer, bodies);
        ProfileEndpoints profile = new ProfileEndpoints(useCases.profiles(), bearer, bodies);
        PhoneEndpoint phone = new PhoneEndpoint(useCases.phones(), bodies);
        PasswordEndpoints passwords = new PasswordEndpoints(useCases.passwordLogin(), useCases.credentials(), bodies,
                clientAddresses, settings.apps());

        this.app = Javalin.create(config -> {
            HttpServerSetup.apply(config, settings.host(), settings.port(), settings, json);
            RoutesConfig routes = config.routes;
            routes.before("/api/v1/*", limiter::admitApiCall);
            HttpServerSetup.readable(routes, "/health", health::health);
            HttpServerSetup.readable(routes, "/ready", health::ready);
            extraRoutes.forEach(extra -> routes.post(extra.path(), limiter.limit(served(extra, bodies))));
            routes.post("/api/v1/login", limiter.limit(login::logIn));
            routes.post("/api/v1/accounts", limiter.limit(passwords::register));
            routes.post("/api/v1/login/password", limiter.limit(passwords::logIn));
            routes.put("/api/v1/me/password", passwords::setPassword);
            routes.post("/api/v1/me/wechat", passwords::bindWeChat);
            HttpServerSetup.readable(routes, "/api/v1/me", profile::me);
            routes.put("/api/v1/me/profile", profile::changeNickname);
            routes.put("/api/v1/me/avatar", profile::changeAvatar);
            HttpServerSetup.readable(routes, "/api/v1/avatars/{id}", profile::avatar);
            routes.post("/api/v1/me/open-data", openDataEndpoint::open);
            routes.post("/api/v1/me/phone", phone::bind);
            routes.post("/api/v1/logout", account::logOut);
            HttpServerSetup.readable(routes, "/api/v1/sessions", account::list);
            routes.delete("/api/v1/sessions/{id}", account::revoke);
            routes.post("/api/v1/logout-all", account::revokeAll);
        });
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

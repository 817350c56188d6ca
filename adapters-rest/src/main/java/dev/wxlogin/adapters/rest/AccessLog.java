package dev.wxlogin.adapters.rest;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request on {@code dev.wxlogin.adapters.rest.access}, such as
 * {@code DELETE /api/v1/sessions/{id} 204 3ms}: method, route template, status, milliseconds. The template
 * rather than the path, so neither an id nor a query string (where a careless client may put its token)
 * gets written; and never a header or a body.
 */
final class AccessLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.wxlogin.adapters.rest.access");

    private AccessLog() {}

    static void log(Context ctx, Float millis) {
        Endpoint route = ctx.endpoints().matchedHttpEndpoint();
        LOG.info("{} {} {} {}ms", ctx.method().name(), route == null ? "(none)" : route.path, ctx.statusCode(),
                Math.round(millis));
    }
}

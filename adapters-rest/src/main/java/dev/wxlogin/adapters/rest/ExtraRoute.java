package dev.wxlogin.adapters.rest;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code POST} route the composition root adds to the API for something that is no use case of the hexagon,
 * such as the sandbox's {@code POST /sandbox/code}. It is served like the login: on the server's own port,
 * counted against the login {@link RateLimits} before its body is read, the body held to the same rules (one
 * JSON object, UTF-8, size limit), every failure a problem+json response. Technology-neutral in both
 * directions: the REST adapter knows nothing of what it serves, and the handler sees no HTTP and no JSON
 * library, only the body's string members and a map it answers with.
 *
 * @param path    matched exactly, for example {@code /sandbox/code}
 * @param handler called once per admitted request whose body is a JSON object
 */
public record ExtraRoute(String path, Handler handler) {
    public ExtraRoute {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a route's path starts with '/'");
        }
        Objects.requireNonNull(handler, "handler");
    }

    /** What a route does with a request. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @return the members of the JSON object answered with 200
         * @throws dev.wxlogin.domain.error.InvalidInput to refuse the request: 400 {@code bad_request}, the message
         *                                               (the member and the rule, never the value) as its detail
         */
        Map<String, Object> handle(Body body);
    }

    /** The request's JSON object; members not asked for are ignored. */
    public interface Body {
        /** Refuses the request with 400 {@code bad_request} unless the member is present and a string. */
        String requiredString(String name);

        /** Empty when the member is absent or null; refuses the request with 400 unless it is a string. */
        Optional<String> optionalString(String name);
    }
}

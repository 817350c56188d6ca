package dev.wxlogin.adapters.rest;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The credentials of an RFC 6750 bearer token, read from the one Authorization header and from nowhere else:
 * a token in the query string would end up in access logs and browser histories (CWE-598).
 */
final class BearerCredentials {
    private static final String SCHEME = "Bearer";

    private BearerCredentials() {}

    /**
     * What follows {@code "Bearer "} (the scheme in any case), possibly malformed or empty; empty when there is
     * no Authorization header, more than one, or one of another scheme.
     */
    static Optional<String> of(HttpServletRequest request) {
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.size() != 1) {
            return Optional.empty();
        }
        String header = headers.getFirst();
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        if (header.length() == SCHEME.length()) {
            return Optional.of("");
        }
        return header.charAt(SCHEME.length()) == ' '
                ? Optional.of(header.substring(SCHEME.length() + 1))
                : Optional.empty();
    }
}

package dev.wxlogin.adapters.rest;

import java.util.Map;

/** Headers on every response, errors included: they carry tokens and identities, so no cache may keep them. */
final class CommonHeaders {
    static final Map<String, String> ALL = Map.of(
            "Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");

    private CommonHeaders() {}
}

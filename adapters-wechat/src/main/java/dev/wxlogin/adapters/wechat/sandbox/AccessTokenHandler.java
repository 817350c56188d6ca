package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /cgi-bin/token} and {@code POST /cgi-bin/stable_token} over HTTP: counts calls, plays the sandbox's
 * faults (its quota fault answers 45009, these APIs' quota), checks the credentials as WeChat does, else asks the
 * {@link SandboxAccessTokens}. stable_token reads only a JSON body: anything else is 41002, as WeChat answers.
 */
final class AccessTokenHandler implements HttpHandler {
    static final String CLASSIC_PATH = "/cgi-bin/token";
    static final String STABLE_PATH = "/cgi-bin/stable_token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, SandboxApp> apps;
    private final SandboxAccessTokens tokens;
    private final Replies replies;
    private final SandboxEndpoint endpoint;
    private final AtomicLong calls = new AtomicLong();

    AccessTokenHandler(Map<String, SandboxApp> apps, SandboxAccessTokens tokens, Replies replies,
                       SandboxEndpoint endpoint) {
        this.apps = apps;
        this.tokens = tokens;
        this.replies = replies;
        this.endpoint = endpoint;
    }

    long calls() {
        return calls.get();
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            boolean stable = STABLE_PATH.equals(path);
            if (!stable && !CLASSIC_PATH.equals(path)) {
                http.sendResponseHeaders(404, -1);
                return;
            }
            calls.incrementAndGet();
            byte[] body = SandboxEndpoint.body(http);
            endpoint.answer(http, WeChatError.DAILY_QUOTA_REACHED,
                    () -> stable ? stable(http.getRequestMethod(), body) : classic(http));
        }
    }

    private String classic(HttpExchange http) {
        Map<String, String> query = SandboxEndpoint.query(http.getRequestURI().getRawQuery());
        return credentialsRefusal(query.get("grant_type"), query.get("appid"), query.get("secret"))
                .map(replies::error)
                .orElseGet(() -> reply(tokens.classic(query.get("appid"))));
    }

    private String stable(String method, byte[] requestBody) {
        if (!"POST".equals(method)) {
            return replies.error(WeChatError.REQUIRE_POST);
        }
        Optional<JsonNode> body = jsonObject(requestBody);
        if (body.isEmpty()) {
            return replies.error(WeChatError.APPID_MISSING);
        }
        JsonNode json = body.get();
        String appId = text(json, "appid");
        return credentialsRefusal(text(json, "grant_type"), appId, text(json, "secret"))
                .map(replies::error)
                .orElseGet(() -> reply(tokens.stable(appId, json.path("force_refresh").asBoolean(false))));
    }

    private Optional<WeChatError> credentialsRefusal(String grantType, String appId, String secret) {
        if (appId == null) {
            return Optional.of(WeChatError.APPID_MISSING);
        }
        if (secret == null) {
            return Optional.of(WeChatError.APPSECRET_MISSING);
        }
        if (!"client_credential".equals(grantType)) {
            return Optional.of(WeChatError.INVALID_GRANT_TYPE);
        }
        SandboxApp app = apps.get(appId);
        if (app == null) {
            return Optional.of(WeChatError.INVALID_APPID);
        }
        return app.secretMatches(secret) ? Optional.empty() : Optional.of(WeChatError.INVALID_APPSECRET);
    }

    private String reply(Optional<SandboxAccessTokens.Grant> grant) {
        return grant.map(issued -> JSON.createObjectNode()
                        .put("access_token", issued.token()).put("expires_in", issued.expiresIn()).toString())
                .orElseGet(() -> replies.error(WeChatError.DAILY_QUOTA_REACHED));
    }

    /** A body cut short at {@link SandboxEndpoint#MAX_BODY_BYTES} does not parse: WeChat's are a few dozen bytes. */
    private static Optional<JsonNode> jsonObject(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) { // JacksonException among them
            return Optional.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isTextual() && !node.textValue().isEmpty() ? node.textValue() : null;
    }
}

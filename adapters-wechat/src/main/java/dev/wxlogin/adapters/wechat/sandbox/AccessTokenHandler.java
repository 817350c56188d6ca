package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code GET /cgi-bin/token} and {@code POST /cgi-bin/stable_token} over HTTP: counts calls, plays the sandbox's
 * faults (its quota fault answers 45009, these APIs' quota), checks the credentials as WeChat does, else asks the
 * {@link SandboxAccessTokens}. stable_token reads only a JSON body: anything else is 41002, as WeChat answers.
 */
final class AccessTokenHandler implements HttpHandler {
    static final String CLASSIC_PATH = "/cgi-bin/token";
    static final String STABLE_PATH = "/cgi-bin/stable_token";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, SandboxApp> apps;
    private final SandboxAccessTokens tokens;
    private final SandboxFaults faults;
    private final Replies replies;
    private final String contentType;
    private final CountDownLatch closing;
    private final AtomicLong calls = new AtomicLong();

    AccessTokenHandler(Map<String, SandboxApp> apps, SandboxAccessTokens tokens, SandboxFaults faults, Replies replies,
                       String contentType, CountDownLatch closing) {
        this.apps = apps;
        this.tokens = tokens;
        this.faults = faults;
        this.replies = replies;
        this.contentType = contentType;
        this.closing = closing;
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
            SandboxFaults.Fault fault = faults.next();
            long latencyNanos = faults.latency().toNanos();
            if (latencyNanos > 0 && closing.await(latencyNanos, TimeUnit.NANOSECONDS)) {
                return;
            }
            switch (fault) {
                case HANG -> closing.await();
                case BAD_GATEWAY -> send(http, 502, "text/html", "<html><body>502 Bad Gateway</body></html>");
                case QUOTA_EXCEEDED -> send(http, 200, contentType, replies.error(WeChatError.DAILY_QUOTA_REACHED));
                case BUSY -> send(http, 200, contentType, replies.error(WeChatError.SYSTEM_ERROR));
                case NONE -> send(http, 200, contentType, stable ? stable(http) : classic(http));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private String classic(HttpExchange http) {
        Map<String, String> query = SandboxEndpoint.query(http.getRequestURI().getRawQuery());
        return credentialsRefusal(query.get("grant_type"), query.get("appid"), query.get("secret"))
                .map(replies::error)
                .orElseGet(() -> reply(tokens.classic(query.get("appid"))));
    }

    private String stable(HttpExchange http) throws IOException {
        if (!"POST".equals(http.getRequestMethod())) {
            return replies.error(WeChatError.REQUIRE_POST);
        }
        Optional<JsonNode> body = jsonObject(http);
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

    private static Optional<JsonNode> jsonObject(HttpExchange http) throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            JsonNode node = bytes.length > MAX_BODY_BYTES ? null : JSON.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isTextual() && !node.textValue().isEmpty() ? node.textValue() : null;
    }

    private static void send(HttpExchange http, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, bytes.length);
        http.getResponseBody().write(bytes);
    }
}

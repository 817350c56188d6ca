package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.token.AccessToken;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One call of a WeChat API, made for one AppID: query parameters and, for a POST, a JSON body. WeChat takes
 * secrets (the AppSecret, a code, an access_token) in both, so values added as secrets are blanked out of
 * anything WeChat echoes into a log line, and the request, its URL included, is never logged or put into an
 * exception. Built by one caller for one call, so not thread-safe.
 */
final class WeChatRequest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REDACTED = "[redacted]";

    private final AppId appId;
    private final Map<String, String> query = new LinkedHashMap<>();
    /** Null for a GET. */
    private final Map<String, Object> body;
    private final List<String> secrets = new ArrayList<>();
    private AccessToken accessToken;

    private WeChatRequest(AppId appId, Map<String, Object> body) {
        this.appId = Objects.requireNonNull(appId, "appId");
        this.body = body;
    }

    /** A GET whose parameters are all in the query string, as code2Session and checksession take them. */
    static WeChatRequest get(AppId appId) {
        return new WeChatRequest(appId, null);
    }

    /** A POST with a JSON body, as stable_token and getuserphonenumber take it (the latter's token in the query). */
    static WeChatRequest postJson(AppId appId) {
        return new WeChatRequest(appId, new LinkedHashMap<>());
    }

    WeChatRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    WeChatRequest secretQuery(String name, String value) {
        return secret(value).query(name, value);
    }

    /**
     * The {@code access_token} query parameter, a secret; the client reports WeChat's refusal of it as
     * {@link dev.wxlogin.domain.error.AccessTokenRejected} naming this token.
     */
    WeChatRequest accessToken(AccessToken token) {
        this.accessToken = token;
        return secretQuery("access_token", token.value());
    }

    WeChatRequest field(String name, String value) {
        return bodyField(name, value);
    }

    WeChatRequest field(String name, boolean value) {
        return bodyField(name, value);
    }

    WeChatRequest secretField(String name, String value) {
        return secret(value).field(name, value);
    }

    private WeChatRequest bodyField(String name, Object value) {
        if (body == null) {
            throw new IllegalStateException("a GET has no body");
        }
        body.put(name, value);
        return this;
    }

    private WeChatRequest secret(String value) {
        if (!value.isEmpty()) { // blanking out "" would garble every text
            secrets.add(value);
        }
        return this;
    }

    AppId appId() {
        return appId;
    }

    Optional<AccessToken> accessToken() {
        return Optional.ofNullable(accessToken);
    }

    /** {@code endpoint} is the API's URL without a query; URLEncoder emits only URI-safe characters. */
    HttpRequest toHttpRequest(String endpoint) {
        String queryString = query.entrySet().stream()
                .map(parameter -> urlEncoded(parameter.getKey()) + "=" + urlEncoded(parameter.getValue()))
                .collect(Collectors.joining("&"));
        // The base URL was validated, and the query is URL-encoded: URI.create cannot fail (were it to, its
        // message would quote the secret).
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(queryString.isEmpty() ? endpoint : endpoint + "?" + queryString));
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody()))
                .build();
    }

    private byte[] jsonBody() {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException unserialisable) {
            // Cannot happen with strings and booleans; the exception's message would quote the value.
            throw new IllegalStateException("a request body field cannot be written as JSON");
        }
    }

    /** {@code text} with every secret of this request blanked out. */
    String redacted(String text) {
        String redacted = text;
        // The longest first, so that a secret containing another is blanked out whole.
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            redacted = redacted.replace(secret, REDACTED);
        }
        return redacted;
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

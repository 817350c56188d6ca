package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.InvalidInput;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * What a standalone sandbox ({@code wxlogin sandbox}) offers besides WeChat's own API, so that another process (a
 * benchmark, another backend's CI) can play the phones and WeChat's bad days over HTTP:
 *
 * <pre>
 * POST /sandbox/code    {"user":"alice"[,"appId"]}        200 {"code":"…"}
 * POST /sandbox/phone-code {"user":"alice"[,"appId"]}     200 {"code":"…"}, for getuserphonenumber
 * POST /sandbox/codes   {"users":["a","b",…][,"appId"]}   200 {"codes":[…]}, one per name, in order (at most 10,000)
 * POST /sandbox/open-data {"user":"alice","kind":"phone"|"userinfo"|"werun"|"share"[,"appId"]}
 *                                                         200 {"encryptedData","iv"[,"rawData","signature"]}
 * POST /sandbox/faults  {"clear":true,"latency":"PT0.05S","busyRate":0.1,"quotaExceeded":false,"hang":false,"badGateway":false,
 *                        "rejectTokens":1}
 *                                                         204; members left out keep their value
 * </pre>
 *
 * Refusals are 400 or 404 with a problem+json body. The sandbox listens on loopback only.
 */
final class SandboxControlHandler implements HttpHandler {
    static final String PATH = "/sandbox/";
    static final int MAX_CODES_PER_CALL = 10_000;
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BiFunction<Optional<AppId>, String, String> wxLogin;
    private final BiFunction<Optional<AppId>, String, String> phoneCode;
    private final OpenDataMinting openData;
    private final SandboxFaults faults;

    /** {@link WeChatSandbox#openData(Optional, String, String)}. */
    @FunctionalInterface
    interface OpenDataMinting {
        Map<String, Object> mint(Optional<AppId> app, String user, String kind);
    }

    /**
     * @param wxLogin   {@link WeChatSandbox#wxLogin(Optional, String)}, answering the code's text
     * @param phoneCode {@link WeChatSandbox#phoneCode(Optional, String)}, answering the code's text
     */
    SandboxControlHandler(BiFunction<Optional<AppId>, String, String> wxLogin,
                          BiFunction<Optional<AppId>, String, String> phoneCode, OpenDataMinting openData,
                          SandboxFaults faults) {
        this.wxLogin = wxLogin;
        this.phoneCode = phoneCode;
        this.openData = openData;
        this.faults = faults;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            if (!"POST".equals(http.getRequestMethod())) {
                refuse(http, 405, "method_not_allowed", "Use POST");
                return;
            }
            try {
                ObjectNode body = body(http);
                switch (path) {
                    case "/sandbox/code" -> reply(http, JSON.createObjectNode().put("code", code(body, body.path("user"))));
                    case "/sandbox/phone-code" -> reply(http, JSON.createObjectNode()
                            .put("code", phoneCode.apply(app(body), user(body.path("user")))));
                    case "/sandbox/codes" -> reply(http, codes(body));
                    case "/sandbox/open-data" -> reply(http, JSON.valueToTree(openData.mint(app(body),
                            text(body, "user"), text(body, "kind"))));
                    case "/sandbox/faults" -> {
                        apply(body);
                        http.sendResponseHeaders(204, -1);
                    }
                    default -> refuse(http, 404, "not_found", "There is nothing here");
                }
            } catch (InvalidInput | IllegalArgumentException refused) {
                refuse(http, 400, "bad_request", refused.getMessage());
            }
        }
    }

    private ObjectNode codes(ObjectNode body) {
        JsonNode users = body.path("users");
        if (!users.isArray() || users.isEmpty() || users.size() > MAX_CODES_PER_CALL) {
            throw new IllegalArgumentException("\"users\" must be an array of 1 to " + MAX_CODES_PER_CALL + " names");
        }
        ArrayNode codes = JSON.createArrayNode();
        users.forEach(user -> codes.add(code(body, user)));
        ObjectNode reply = JSON.createObjectNode();
        reply.set("codes", codes);
        return reply;
    }

    private String code(ObjectNode body, JsonNode user) {
        return wxLogin.apply(app(body), user(user));
    }

    private static String user(JsonNode user) {
        if (!user.isTextual()) {
            throw new IllegalArgumentException("a simulated user name must be a string");
        }
        return user.textValue();
    }

    private static Optional<AppId> app(ObjectNode body) {
        return body.hasNonNull("appId") ? Optional.of(new AppId(body.get("appId").asText())) : Optional.empty();
    }

    private static String text(ObjectNode body, String member) {
        if (!body.path(member).isTextual()) {
            throw new IllegalArgumentException("\"" + member + "\" must be a string");
        }
        return body.get(member).textValue();
    }

    private void apply(ObjectNode body) {
        if (body.path("clear").asBoolean(false)) {
            faults.clear();
        }
        if (body.hasNonNull("latency")) {
            faults.latency(duration(body.get("latency").asText()));
        }
        if (body.hasNonNull("busyRate")) {
            faults.busyRate(body.get("busyRate").asDouble(-1));
        }
        if (body.hasNonNull("quotaExceeded")) {
            faults.quotaExceeded(body.get("quotaExceeded").asBoolean());
        }
        if (body.hasNonNull("hang")) {
            faults.hang(body.get("hang").asBoolean());
        }
        if (body.hasNonNull("badGateway")) {
            faults.badGateway(body.get("badGateway").asBoolean());
        }
        if (body.hasNonNull("rejectTokens")) {
            faults.rejectTokensForNext(body.get("rejectTokens").asInt(-1));
        }
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"latency\" must be an ISO-8601 duration such as PT0.05S");
        }
    }

    private static ObjectNode body(HttpExchange http) throws IOException {
        try (InputStream in = http.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new IllegalArgumentException("the request body exceeds " + MAX_BODY_BYTES + " bytes");
            }
            JsonNode node = JSON.readTree(bytes.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : bytes);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("the request body must be a JSON object");
            }
            return object;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the request body is not valid JSON");
        }
    }

    private static void reply(HttpExchange http, ObjectNode body) throws IOException {
        send(http, 200, "application/json", body);
    }

    private static void refuse(HttpExchange http, int status, String code, String detail) throws IOException {
        send(http, status, "application/problem+json",
                JSON.createObjectNode().put("status", status).put("code", code).put("detail", detail));
    }

    private static void send(HttpExchange http, int status, String contentType, ObjectNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        http.getResponseHeaders().set("Content-Type", contentType);
        http.sendResponseHeaders(status, bytes.length);
        http.getResponseBody().write(bytes);
    }
}

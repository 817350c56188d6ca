package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code POST /wxa/business/getuserphonenumber?access_token=…} with {@code {"code"[,"openid"]}}: the phone number
 * behind a code {@link WeChatSandbox#phoneCode} minted. A code is single-use, expires like a login code, and
 * belongs to one app and one user: any misuse is 40029, as WeChat answers it. The token is checked before the code
 * is spent, so a caller whose token was refused may try the same code again with a new token.
 */
final class GetUserPhoneNumberHandler implements HttpHandler {
    static final String PATH = "/wxa/business/getuserphonenumber";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IssuedCodes phoneCodes;
    private final SimulatedIdentities identities;
    private final SimulatedPhones phones;
    private final TokenGate tokens;
    private final Replies replies;
    private final SandboxEndpoint endpoint;
    private final AtomicLong calls = new AtomicLong();

    GetUserPhoneNumberHandler(IssuedCodes phoneCodes, SimulatedIdentities identities, SimulatedPhones phones,
                              TokenGate tokens, Replies replies, SandboxEndpoint endpoint) {
        this.phoneCodes = phoneCodes;
        this.identities = identities;
        this.phones = phones;
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
            if (!PATH.equals(http.getRequestURI().getPath())) {
                http.sendResponseHeaders(404, -1);
                return;
            }
            calls.incrementAndGet();
            boolean post = "POST".equals(http.getRequestMethod());
            byte[] body = SandboxEndpoint.body(http);
            String token = SandboxEndpoint.query(http.getRequestURI().getRawQuery()).get("access_token");
            endpoint.answer(http, () -> post ? answer(token, body) : replies.error(WeChatError.REQUIRE_POST));
        }
    }

    private String answer(String token, byte[] body) {
        if (tokens.check(token) instanceof TokenGate.Verdict.Refused refused) {
            return replies.error(refused.error());
        }
        Optional<JsonNode> request = json(body);
        if (request.isEmpty()) {
            return replies.error(WeChatError.DATA_FORMAT_ERROR);
        }
        String code = request.get().path("code").asText("");
        Optional<IssuedCodes.Issued> found = phoneCodes.find(code);
        if (found.isEmpty() || !tokens.liveFor(token, found.get().appId().value())) { // another app's code
            return replies.error(WeChatError.INVALID_CODE);
        }
        IssuedCodes.Issued issued = found.get();
        JsonNode openId = request.get().path("openid");
        if (!openId.isMissingNode() && !openId.asText().equals(identities.openId(issued.appId(), issued.user()))) {
            return replies.error(WeChatError.INVALID_CODE); // another user's code
        }
        if (!phoneCodes.use(code, issued)) {
            return replies.error(WeChatError.INVALID_CODE);
        }
        return replies.phone(phones.of(issued.user()), issued.appId().value());
    }

    private static Optional<JsonNode> json(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException notJson) { // Jackson's parse errors included
            return Optional.empty();
        }
    }
}

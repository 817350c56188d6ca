package dev.wxlogin.adapters.wechat.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /wxa/checksession} and {@code GET /wxa/resetusersessionkey}: both verify {@code signature}, the
 * lowercase hex HMAC-SHA256 keyed with the session_key text over "", against the user's latest key (87009 when it
 * is not, 87008 for a {@code sig_method} other than {@code hmac_sha256}); the reset then answers a new key, which
 * keeps the old key's rotation time.
 */
final class SessionKeyCheckHandler implements HttpHandler {
    static final String CHECK_PATH = "/wxa/checksession";
    static final String RESET_PATH = "/wxa/resetusersessionkey";
    private static final String SIG_METHOD = "hmac_sha256";

    private final SessionKeys sessionKeys;
    private final TokenGate tokens;
    private final Replies replies;
    private final SandboxEndpoint endpoint;

    SessionKeyCheckHandler(SessionKeys sessionKeys, TokenGate tokens, Replies replies, SandboxEndpoint endpoint) {
        this.sessionKeys = sessionKeys;
        this.tokens = tokens;
        this.replies = replies;
        this.endpoint = endpoint;
    }

    @Override
    public void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            if (!CHECK_PATH.equals(path) && !RESET_PATH.equals(path)) {
                http.sendResponseHeaders(404, -1);
                return;
            }
            Map<String, String> query = SandboxEndpoint.query(http.getRequestURI().getRawQuery());
            endpoint.answer(http, () -> answer(RESET_PATH.equals(path), query));
        }
    }

    private String answer(boolean reset, Map<String, String> query) {
        if (tokens.check(query.get("access_token")) instanceof TokenGate.Verdict.Refused refused) {
            return replies.error(refused.error());
        }
        if (!SIG_METHOD.equals(query.get("sig_method"))) {
            return replies.error(WeChatError.INVALID_SIG_METHOD);
        }
        String openId = query.getOrDefault("openid", "");
        Optional<String> key = sessionKeys.current(openId).filter(current -> signs(current, query.get("signature")));
        if (key.isEmpty()) {
            return replies.error(WeChatError.INVALID_SIGNATURE);
        }
        if (!reset) {
            return replies.current();
        }
        return sessionKeys.reset(openId, key.get())
                .map(replacement -> replies.resetKey(openId, replacement))
                .orElseGet(() -> replies.error(WeChatError.INVALID_SIGNATURE)); // a login rotated it meanwhile
    }

    private static boolean signs(String sessionKey, String signature) {
        if (signature == null) {
            return false;
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(sessionKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = HexFormat.of().formatHex(hmac.doFinal()).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}

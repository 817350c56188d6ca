package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.wxlogin.adapters.wechat.Code2SessionAnswer.Identified;
import dev.wxlogin.adapters.wechat.Code2SessionAnswer.Refused;
import dev.wxlogin.adapters.wechat.Code2SessionAnswer.Unreadable;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Turns a jscode2session HTTP response into a {@link Code2SessionAnswer}. */
final class Code2SessionResponses {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private Code2SessionResponses() {}

    /**
     * Reads the body as UTF-8 JSON whatever its Content-Type says: WeChat labels JSON {@code text/plain}. A
     * non-zero errcode is WeChat's answer whatever the HTTP status (a 503 with {@code -1} is a busy WeChat);
     * any other answer counts only with status 200: an HTML 502 from a proxy on the way is no answer of WeChat's.
     */
    static Code2SessionAnswer read(int status, byte[] body) {
        JsonNode json;
        try {
            json = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException notJson) {
            return unreadable(status, "not JSON");
        }
        if (json == null || !json.isObject()) {
            return unreadable(status, "not a JSON object");
        }
        JsonNode errcode = json.path("errcode");
        if (!errcode.isMissingNode() && !errcode.isNull()) {
            if (!errcode.isIntegralNumber() || !errcode.canConvertToInt()) {
                return unreadable(status, "errcode is not an integer");
            }
            if (errcode.intValue() != 0) {
                return new Refused(errcode.intValue(), json.path("errmsg").asText(""));
            }
        }
        return status == 200 ? identityIn(json) : unreadable(status, "no errcode");
    }

    private static Unreadable unreadable(int status, String what) {
        return new Unreadable(status == 200 ? what : "HTTP status " + status + ", " + what);
    }

    private static Code2SessionAnswer identityIn(JsonNode json) {
        Optional<String> openId = nonEmptyText(json, "openid");
        Optional<String> sessionKey = nonEmptyText(json, "session_key");
        if (openId.isEmpty() || sessionKey.isEmpty()) {
            return new Unreadable("openid or session_key missing");
        }
        try {
            return new Identified(new WeChatIdentity(
                    new OpenId(openId.get()),
                    nonEmptyText(json, "unionid").map(UnionId::new),
                    new SessionKey(sessionKey.get())));
        } catch (InvalidInput malformed) {
            return new Unreadable("openid, unionid or session_key malformed");
        }
    }

    private static Optional<String> nonEmptyText(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}

package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.wxlogin.adapters.wechat.WeChatAnswer.Answered;
import dev.wxlogin.adapters.wechat.WeChatAnswer.Refused;
import dev.wxlogin.adapters.wechat.WeChatAnswer.Unreadable;

import java.nio.charset.StandardCharsets;

/** Turns the HTTP response of any WeChat API into a {@link WeChatAnswer}. */
final class WeChatAnswers {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private WeChatAnswers() {}

    /**
     * Reads the body as UTF-8 JSON whatever its Content-Type says: WeChat labels JSON {@code text/plain}. A
     * non-zero errcode is WeChat's answer whatever the HTTP status (a 503 with {@code -1} is a busy WeChat);
     * any other answer counts only with status 200: an HTML 502 from a proxy on the way is no answer of WeChat's.
     */
    static WeChatAnswer read(int status, byte[] body) {
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
        return status == 200 ? new Answered(json) : unreadable(status, "no errcode");
    }

    private static Unreadable unreadable(int status, String what) {
        return new Unreadable(status == 200 ? what : "HTTP status " + status + ", " + what);
    }
}

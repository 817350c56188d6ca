package dev.wxlogin.adapters.wechat.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** WeChat's answer bodies: compact JSON, errors with exactly {@code errcode} and {@code errmsg}. */
final class Replies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;

    Replies(Clock clock) {
        this.clock = clock;
    }

    String error(WeChatError error) {
        return JSON.createObjectNode()
                .put("errcode", error.errcode)
                .put("errmsg", error.text + " rid: " + requestId())
                .toString();
    }

    /** In the order WeChat sends them, and without errcode, which code2Session omits on success. */
    String identity(String sessionKey, String openId, Optional<String> unionId) {
        ObjectNode body = JSON.createObjectNode().put("session_key", sessionKey).put("openid", openId);
        unionId.ifPresent(id -> body.put("unionid", id));
        return body.toString();
    }

    /**
     * getuserphonenumber's success. {@code countryCode} is a number for some users and a string for others, as
     * WeChat's documentation shows both, so that clients are proven to read either.
     */
    String phone(SimulatedPhones.Phone phone, String appId) {
        ObjectNode info = JSON.createObjectNode()
                .put("phoneNumber", phone.number())
                .put("purePhoneNumber", phone.number());
        if (phone.countryCodeAsNumber()) {
            info.put("countryCode", Integer.parseInt(SimulatedPhones.COUNTRY_CODE));
        } else {
            info.put("countryCode", SimulatedPhones.COUNTRY_CODE);
        }
        info.putObject("watermark").put("timestamp", clock.instant().getEpochSecond()).put("appid", appId);
        ObjectNode body = ok();
        body.set("phone_info", info);
        return body.toString();
    }

    /** checksession's answer for a current key. */
    String current() {
        return ok().toString();
    }

    /** resetusersessionkey's success: the new key. */
    String resetKey(String openId, String sessionKey) {
        return ok().put("openid", openId).put("session_key", sessionKey).toString();
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
    }

    /** Like WeChat's rid: the time in hex, then two random groups. */
    private String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "%08x-%08x-%08x".formatted((int) clock.instant().getEpochSecond(), random.nextInt(), random.nextInt());
    }
}

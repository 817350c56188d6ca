package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.NotFound;
import dev.wxlogin.domain.login.SessionKey;

import java.util.Optional;

/** {@code GET /wxa/resetusersessionkey}: WeChat replaces the signed (current) session_key and answers the new one. */
final class ResetSessionKeyApi implements WeChatApi<SessionKey> {

    @Override
    public String name() {
        return "resetSessionKey";
    }

    @Override
    public String path() {
        return "/wxa/resetusersessionkey";
    }

    @Override
    public Reading<SessionKey> read(JsonNode answer) {
        JsonNode key = answer.path("session_key");
        if (!key.isTextual() || key.asText().isEmpty()) {
            return new Reading.Garbled<>("session_key missing");
        }
        try {
            return new Reading.Result<>(new SessionKey(key.asText()), "reset");
        } catch (InvalidInput malformed) {
            return new Reading.Garbled<>("session_key malformed");
        }
    }

    /** A stored key WeChat does not take as current cannot be reset: the server knows no current key to replace. */
    @Override
    public Optional<DomainException> errorFor(int errcode) {
        return errcode == CheckSessionApi.INVALID_SIGNATURE
                ? Optional.of(new NotFound("WeChat no longer takes the stored session_key as the user's current one"))
                : Optional.empty();
    }
}

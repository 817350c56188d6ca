package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.LoginRejected;
import dev.wxlogin.domain.login.SessionKey;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.user.OpenId;
import dev.wxlogin.domain.user.UnionId;

import java.util.Optional;


/** {@code GET /sns/jscode2session}: a login code for the user's openid, unionid and session_key. */
final class Code2SessionApi implements WeChatApi<WeChatIdentity> {

    @Override
    public String name() {
        return "code2Session";
    }

    @Override
    public String path() {
        return "/sns/jscode2session";
    }

    @Override
    public Reading<WeChatIdentity> read(JsonNode answer) {
        Optional<String> openId = nonEmptyText(answer, "openid");
        Optional<String> sessionKey = nonEmptyText(answer, "session_key");
        if (openId.isEmpty() || sessionKey.isEmpty()) {
            return new Reading.Garbled<>("openid or session_key missing");
        }
        try {
            return new Reading.Result<>(new WeChatIdentity(
                    new OpenId(openId.get()),
                    nonEmptyText(answer, "unionid").map(UnionId::new),
                    new SessionKey(sessionKey.get())), "identified");
        } catch (InvalidInput malformed) {
            return new Reading.Garbled<>("openid, unionid or session_key malformed");
        }
    }

    /** The errcodes about the user's code and the user. */
    @Override
    public Optional<DomainException> errorFor(int errcode) {
        return Optional.ofNullable(switch (errcode) {
            case 40029, 41008 -> new LoginRejected(LoginRejected.Reason.INVALID_CODE);
            case 40163 -> new LoginRejected(LoginRejected.Reason.CODE_USED);
            case 40226 -> new LoginRejected(LoginRejected.Reason.USER_BLOCKED);
            default -> null;
        });
    }

    private static Optional<String> nonEmptyText(JsonNode json, String field) {
        JsonNode node = json.path(field);
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}

package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.DomainException;

import java.util.Optional;

/** {@code GET /wxa/checksession}: whether the signed session_key is the user's current one. */
final class CheckSessionApi implements WeChatApi<Boolean> {
    /** "invalid signature": the key signed is not (or no longer) the user's current one. */
    static final int INVALID_SIGNATURE = 87009;

    @Override
    public String name() {
        return "checkSession";
    }

    @Override
    public String path() {
        return "/wxa/checksession";
    }

    @Override
    public Reading<Boolean> read(JsonNode answer) {
        return new Reading.Result<>(true, "current");
    }

    @Override
    public Optional<Boolean> resultFor(int errcode) {
        return errcode == INVALID_SIGNATURE ? Optional.of(false) : Optional.empty();
    }

    @Override
    public Optional<DomainException> errorFor(int errcode) {
        return Optional.empty();
    }
}

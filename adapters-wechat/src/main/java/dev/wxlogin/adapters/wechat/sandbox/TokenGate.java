package dev.wxlogin.adapters.wechat.sandbox;

import java.util.List;
import java.util.Optional;

/**
 * The access_token check in front of the sandbox's APIs that take one: a missing token is 41001, one the faults
 * say to refuse is 40001, and otherwise the token store's verdict holds. A token names its app, as WeChat's do.
 */
final class TokenGate {
    private final List<String> appIds;
    private final AccessTokenVerdicts verdicts;
    private final SandboxFaults faults;

    TokenGate(List<String> appIds, AccessTokenVerdicts verdicts, SandboxFaults faults) {
        this.appIds = List.copyOf(appIds);
        this.verdicts = verdicts;
        this.faults = faults;
    }

    /** The app {@code token} is live for, or the error WeChat answers it with. */
    Verdict check(String token) {
        if (token == null) {
            return new Verdict.Refused(WeChatError.ACCESS_TOKEN_MISSING);
        }
        if (faults.rejectsToken()) {
            return new Verdict.Refused(WeChatError.ACCESS_TOKEN_INVALID);
        }
        Optional<WeChatError> firstRefusal = Optional.empty();
        for (String appId : appIds) {
            Optional<WeChatError> refusal = verdicts.refusal(appId, token);
            if (refusal.isEmpty()) {
                return new Verdict.Live(appId);
            }
            firstRefusal = firstRefusal.or(() -> refusal);
        }
        return new Verdict.Refused(firstRefusal.orElse(WeChatError.ACCESS_TOKEN_INVALID));
    }

    /** Whether {@code token} is live for {@code appId}: a token store may accept one token for several apps. */
    boolean liveFor(String token, String appId) {
        return verdicts.refusal(appId, token).isEmpty();
    }

    sealed interface Verdict {
        record Live(String appId) implements Verdict {}

        record Refused(WeChatError error) implements Verdict {}
    }
}

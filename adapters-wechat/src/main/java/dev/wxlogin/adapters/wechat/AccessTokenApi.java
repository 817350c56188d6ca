package dev.wxlogin.adapters.wechat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.port.out.ForFetchingAccessTokens.FetchedAccessToken;
import dev.wxlogin.domain.token.AccessToken;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code POST /cgi-bin/stable_token} or {@code GET /cgi-bin/token}: both answer
 * {@code {"access_token":"…","expires_in":7200}} and share their errcodes.
 */
final class AccessTokenApi implements WeChatApi<FetchedAccessToken> {
    /** On a token fetch, 40001 means the AppSecret is wrong (on other APIs: the token is). */
    static final int ACCESS_TOKEN_INVALID = 40001;
    static final int DAILY_QUOTA = 45009;
    /** WeChat's quota counts by its own day; looking again in a minute costs nothing. */
    static final Duration DAILY_QUOTA_RETRY_AFTER = Duration.ofSeconds(60);

    private final String name;
    private final String path;

    private AccessTokenApi(String name, String path) {
        this.name = name;
        this.path = path;
    }

    static AccessTokenApi of(AccessTokenEndpoint endpoint) {
        return switch (endpoint) {
            case STABLE -> new AccessTokenApi("stableToken", "/cgi-bin/stable_token");
            case CLASSIC -> new AccessTokenApi("getAccessToken", "/cgi-bin/token");
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Reading<FetchedAccessToken> read(JsonNode answer) {
        JsonNode token = answer.path("access_token");
        JsonNode expiresIn = answer.path("expires_in");
        if (!token.isTextual() || !expiresIn.canConvertToLong() || !expiresIn.isIntegralNumber()
                || expiresIn.longValue() < 1) {
            return new Reading.Garbled<>("access_token or expires_in missing or malformed");
        }
        try {
            return new Reading.Result<>(new FetchedAccessToken(new AccessToken(token.textValue()),
                    Duration.ofSeconds(expiresIn.longValue())), "issued, expires_in=" + expiresIn.longValue());
        } catch (InvalidInput malformed) {
            return new Reading.Garbled<>("access_token empty or longer than " + AccessToken.MAX_LENGTH + " characters");
        }
    }

    @Override
    public Optional<DomainException> errorFor(int errcode) {
        return Optional.ofNullable(switch (errcode) {
            case ACCESS_TOKEN_INVALID -> new UpstreamFailure(UpstreamFailure.Kind.MISCONFIGURED, "WeChat refused this"
                    + " server's AppSecret (errcode 40001); the server's operator must fix it", null);
            case DAILY_QUOTA -> new UpstreamFailure(UpstreamFailure.Kind.RATE_LIMITED, "WeChat's daily quota of"
                    + " access_token fetches for this AppID is used up (errcode 45009)", DAILY_QUOTA_RETRY_AFTER);
            default -> null;
        });
    }
}

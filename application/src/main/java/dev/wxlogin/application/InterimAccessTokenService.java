package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the central access_token service until it is merged (it replaces this class and its bean): hands
 * out placeholder tokens that only the sandbox accepts, and a new one when the current one is reported rejected.
 * Against WeChat itself every call that needs a token fails as "WeChat unavailable".
 */
public final class InterimAccessTokenService implements ForGettingAccessTokens {
    private static final Duration LIFETIME = Duration.ofHours(2);

    private final AtomicInteger version = new AtomicInteger(1);
    private final Clock clock;

    public InterimAccessTokenService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AccessTokenGrant current(AppId app) {
        return grant(app, version.get());
    }

    /** Compare, then replace: a rejection of a token already replaced gets the newer one without a new version. */
    @Override
    public AccessTokenGrant replaceRejected(AppId app, AccessToken rejected) {
        int seen = version.get();
        if (rejected.equals(token(app, seen))) {
            version.compareAndSet(seen, seen + 1);
        }
        return grant(app, version.get());
    }

    private AccessTokenGrant grant(AppId app, int version) {
        return new AccessTokenGrant(app, token(app, version), clock.instant().plus(LIFETIME));
    }

    private static AccessToken token(AppId app, int version) {
        return new AccessToken("interim-" + app.value() + "-" + version);
    }
}

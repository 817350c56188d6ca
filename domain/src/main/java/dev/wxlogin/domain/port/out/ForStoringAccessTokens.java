package dev.wxlogin.domain.port.out;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.token.AccessTokenGrant;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The one access_token per AppID that every instance hands out, with what lets instances share its refresh: a
 * version (a write counts only if it is newer than what is stored), a refresh lease (one refresher per AppID across
 * the cluster) and the count of forced refreshes (WeChat's limits hold for the AppID, not per instance). Every
 * method commits on its own, whatever transaction the caller has open: other instances must see it at once.
 */
public interface ForStoringAccessTokens {
    /** The stored token of {@code app}, expired or not; empty before the first fetch. */
    Optional<StoredAccessToken> find(AppId app);

    /**
     * Takes the AppID's refresh lease for {@code owner} until {@code until}, if nobody holds one that lasts past
     * {@code now} (creating the AppID's row, without a token, if there is none). Of concurrent takers exactly one wins.
     */
    boolean takeLease(AppId app, String owner, Instant now, Instant until);

    /** Gives the lease up, if {@code owner} still holds it. */
    void releaseLease(AppId app, String owner);

    /**
     * Stores {@code token} if its version is newer than the stored one; otherwise changes nothing and answers false,
     * so a refresher that lost its lease cannot overwrite a newer token with an older one.
     */
    boolean save(StoredAccessToken token);

    /**
     * Counts one forced refresh of {@code app} at {@code now}, if the last one was at least {@code spacing} ago and
     * fewer than {@code perDay} were counted on {@code day}. Of concurrent callers at most as many win as the limits
     * allow. Needs a stored row, which taking the lease makes.
     *
     * @param day the day number by WeChat's calendar (China time), on which the daily count starts again
     * @return how many forced refreshes {@code day} has counted with this one; 0 when the limits refuse it
     */
    int countForcedRefresh(AppId app, Instant now, long day, Duration spacing, int perDay);

    /**
     * @param fetchedAt when it was asked of WeChat, for telling how long its life was
     * @param version   1 for the first token of an AppID, then one more for each refresh
     */
    record StoredAccessToken(AccessTokenGrant grant, Instant fetchedAt, long version) {
        public StoredAccessToken {
            Objects.requireNonNull(grant, "grant");
            Objects.requireNonNull(fetchedAt, "fetchedAt");
        }
    }
}

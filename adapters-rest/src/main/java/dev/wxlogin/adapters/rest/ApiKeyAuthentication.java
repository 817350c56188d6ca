package dev.wxlogin.adapters.rest;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.javalin.http.Context;

import java.time.Duration;

/**
 * Lets a request to {@link InternalApi} through only with one of its keys as the bearer token. A missing header,
 * another scheme and a wrong key get the same 401. Failed attempts are counted per client: beyond
 * {@link #FAILURES_PER_MINUTE} the client gets 429 until its budget refills, right key or not, so guessing costs
 * time and nobody can flood the log with failures.
 */
final class ApiKeyAuthentication {
    /** Ten failures in a row, then one more every six seconds: plenty for a server with a stale key to notice. */
    static final long FAILURES_PER_MINUTE = 10;

    private final ApiKeys keys;
    private final ClientAddresses clientAddresses;
    private final ClientKeys clientKeys;
    private final IpBuckets failures;

    ApiKeyAuthentication(ApiKeys keys, RestSettings settings, TimeMeter time) {
        this.keys = keys;
        this.clientAddresses = new ClientAddresses(settings.trustedProxies());
        this.clientKeys = new ClientKeys(settings.rateLimits().ipv6PrefixLength());
        this.failures = new IpBuckets(FAILURES_PER_MINUTE, Duration.ofMinutes(1), time, IpBuckets.DEFAULT_MAX_KEYS);
    }

    /** A before-handler for every request, routed or not: an unauthenticated caller learns nothing about paths. */
    void admit(Context ctx) {
        Bucket clientFailures = failures.of(clientKeys.of(clientAddresses.clientIp(ctx.req())));
        if (clientFailures.getAvailableTokens() < 1) {
            throw tooManyFailures(clientFailures.estimateAbilityToConsume(1).getNanosToWaitForRefill());
        }
        if (!BearerCredentials.of(ctx.req()).map(keys::accepts).orElse(false)) {
            ConsumptionProbe counted = clientFailures.tryConsumeAndReturnRemaining(1);
            if (!counted.isConsumed()) { // another request of the client's used up the budget meanwhile
                throw tooManyFailures(counted.getNanosToWaitForRefill());
            }
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "A valid internal API key is required");
        }
    }

    private static ProblemException tooManyFailures(long nanosToWait) {
        return new ProblemException(ProblemType.RATE_LIMITED,
                "Too many failed authentications from this address; try again later", Duration.ofNanos(nanosToWait));
    }
}

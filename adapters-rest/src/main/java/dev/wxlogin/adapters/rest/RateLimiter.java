package dev.wxlogin.adapters.rest;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.time.Duration;

/**
 * Applies {@link RateLimits}: to every API call, and on top of that to the login routes it wraps, before their
 * handler reads the body, so a refused request costs WeChat's quota and the database nothing.
 */
final class RateLimiter {
    private final ClientAddresses clientAddresses;
    private final ClientKeys clientKeys;
    private final IpBuckets apiCallsPerKey; // null when off
    private final IpBuckets loginsPerKey; // null when off
    private final Bucket logins; // null when off

    RateLimiter(RateLimits limits, ClientAddresses clientAddresses, TimeMeter time) {
        this.clientAddresses = clientAddresses;
        this.clientKeys = new ClientKeys(limits.ipv6PrefixLength());
        this.apiCallsPerKey = limits.apiPerIpPerMinute() == 0 ? null
                : new IpBuckets(limits.apiPerIpPerMinute(), Duration.ofMinutes(1), time, IpBuckets.DEFAULT_MAX_KEYS);
        this.loginsPerKey = limits.perIpPerMinute() == 0 ? null
                : new IpBuckets(limits.perIpPerMinute(), Duration.ofMinutes(1), time, IpBuckets.DEFAULT_MAX_KEYS);
        this.logins = limits.globalPerSecond() == 0 ? null
                : IpBuckets.evenlyRefilled(limits.globalPerSecond(), Duration.ofSeconds(1), time);
    }

    /** A before-handler for the API's routes: counts each request, whatever route it is for, before routing. */
    void admitApiCall(Context ctx) {
        if (apiCallsPerKey != null) {
            refuseUnless(apiCallsPerKey.of(clientKey(ctx)).tryConsumeAndReturnRemaining(1),
                    "Too many requests from this address; try again later");
        }
    }

    /** The login limits, for the routes that start a login; {@link #admitApiCall} applies besides. */
    Handler limit(Handler endpoint) {
        return ctx -> {
            admitLogin(clientKey(ctx));
            endpoint.handle(ctx);
        };
    }

    // The client's own limit first, so that one address over it cannot use up everyone's global budget.
    private void admitLogin(String clientKey) {
        Bucket own = loginsPerKey == null ? null : loginsPerKey.of(clientKey);
        if (own != null) {
            refuseUnless(own.tryConsumeAndReturnRemaining(1), "Too many logins from this address; try again later");
        }
        if (logins != null) {
            ConsumptionProbe probe = logins.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed() && own != null) {
                own.addTokens(1); // the client is not to blame for everyone else's load
            }
            refuseUnless(probe, "The server is receiving too many logins; try again shortly");
        }
    }

    private String clientKey(Context ctx) {
        return clientKeys.of(clientAddresses.clientIp(ctx.req()));
    }

    private static void refuseUnless(ConsumptionProbe probe, String detail) {
        if (!probe.isConsumed()) {
            throw new ProblemException(ProblemType.RATE_LIMITED, detail,
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}

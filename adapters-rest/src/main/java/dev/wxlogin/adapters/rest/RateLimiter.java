package dev.wxlogin.adapters.rest;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.javalin.http.Handler;

import java.time.Duration;

/**
 * Applies {@link RateLimits} to the routes it wraps, before their handler reads the body, so a refused
 * request costs WeChat's quota and the database nothing.
 */
final class RateLimiter {
    private final ClientAddresses clientAddresses;
    private final IpBuckets perIp; // null when off
    private final Bucket global; // null when off

    RateLimiter(RateLimits limits, ClientAddresses clientAddresses, TimeMeter time) {
        this.clientAddresses = clientAddresses;
        this.perIp = limits.perIpPerMinute() == 0 ? null
                : new IpBuckets(() -> bucket(limits.perIpPerMinute(), Duration.ofMinutes(1), time));
        this.global = limits.globalPerSecond() == 0 ? null
                : bucket(limits.globalPerSecond(), Duration.ofSeconds(1), time);
    }

    Handler limit(Handler endpoint) {
        return ctx -> {
            admit(clientAddresses.clientIp(ctx.req()));
            endpoint.handle(ctx);
        };
    }

    // The client's own limit first, so that one address over it cannot use up everyone's global budget.
    private void admit(String clientIp) {
        Bucket own = perIp == null ? null : perIp.of(clientIp);
        if (own != null) {
            refuseUnless(own.tryConsumeAndReturnRemaining(1), "Too many logins from this address; try again later");
        }
        if (global != null) {
            ConsumptionProbe probe = global.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed() && own != null) {
                own.addTokens(1); // the client is not to blame for everyone else's load
            }
            refuseUnless(probe, "The server is receiving too many logins; try again shortly");
        }
    }

    private static void refuseUnless(ConsumptionProbe probe, String detail) {
        if (!probe.isConsumed()) {
            throw new ProblemException(ProblemType.RATE_LIMITED, detail,
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static Bucket bucket(long capacity, Duration refillPeriod, TimeMeter time) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, refillPeriod).build())
                .withCustomTimePrecision(time)
                .build();
    }
}

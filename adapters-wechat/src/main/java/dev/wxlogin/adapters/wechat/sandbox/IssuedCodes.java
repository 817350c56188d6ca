package dev.wxlogin.adapters.wechat.sandbox;

import dev.wxlogin.domain.Randomness;
import dev.wxlogin.domain.app.AppId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The codes {@code wx.login()} (or the getPhoneNumber button) handed out: each for one app and one user, usable once,
 * for a limited time.
 */
final class IssuedCodes {
    record Issued(AppId appId, String user, Instant issuedAt, boolean used) {}

    private final ConcurrentMap<String, Issued> codes = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private final Supplier<String> newCode;
    private final AtomicLong nextSweepMillis = new AtomicLong(Long.MIN_VALUE);

    /** Login codes: 24 random bytes as 32 base64url characters, the length of a real code. */
    IssuedCodes(Clock clock, Duration ttl) {
        this(clock, ttl, () -> Randomness.base64url(24));
    }

    IssuedCodes(Clock clock, Duration ttl, Supplier<String> newCode) {
        this.clock = clock;
        this.ttl = ttl;
        this.newCode = newCode;
    }

    String issue(AppId appId, String user) {
        Instant now = clock.instant();
        forgetExpired(now);
        String code = newCode.get();
        codes.put(code, new Issued(appId, user, now, false));
        return code;
    }

    /** The code, whichever app it was issued for, if it has not expired, used or not. */
    Optional<Issued> find(String code) {
        Issued issued = codes.get(code);
        return issued != null && !expired(issued, clock.instant()) ? Optional.of(issued) : Optional.empty();
    }

    /** The code if it was issued for this app and has not expired, used or not. */
    Optional<Issued> find(String code, AppId appId) {
        Issued issued = codes.get(code);
        boolean valid = issued != null && issued.appId().equals(appId) && !expired(issued, clock.instant());
        return valid ? Optional.of(issued) : Optional.empty();
    }

    /** Marks the code used; false if it was used already, by this call's rival or before. */
    boolean use(String code, Issued issued) {
        return !issued.used() && codes.replace(code, issued, new Issued(issued.appId(), issued.user(), issued.issuedAt(), true));
    }

    /**
     * Expired codes answer 40029 whether remembered or not: forgetting them keeps memory bounded. At most one sweep
     * a second, so that minting many codes (a load test) stays linear.
     */
    private void forgetExpired(Instant now) {
        long sweepDue = nextSweepMillis.get();
        if (now.toEpochMilli() >= sweepDue && nextSweepMillis.compareAndSet(sweepDue, now.toEpochMilli() + 1000)) {
            codes.values().removeIf(issued -> expired(issued, now));
        }
    }

    private boolean expired(Issued issued, Instant now) {
        return !now.isBefore(issued.issuedAt().plus(ttl));
    }
}

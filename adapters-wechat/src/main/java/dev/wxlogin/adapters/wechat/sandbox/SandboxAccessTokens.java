package dev.wxlogin.adapters.wechat.sandbox;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's access tokens, with WeChat's semantics scaled to the configured life: the overlap in which an old
 * token keeps working after a new one is issued is 5 minutes, or a quarter of a shorter life. The classic API's
 * tokens and stable_token's are isolated, as WeChat's are. Every fetch of either counts against the AppID's daily
 * quota (45009 past it), days numbered by China time as WeChat's are. Thread-safe: one lock, the calls are rare.
 */
final class SandboxAccessTokens implements AccessTokenVerdicts {
    static final Duration FORCED_REFRESH_SPACING = Duration.ofSeconds(30);
    static final int FORCED_REFRESHES_PER_DAY = 20;
    private static final Duration LONGEST_OVERLAP = Duration.ofMinutes(5);
    private static final ZoneOffset WECHAT_CALENDAR = ZoneOffset.ofHours(8);

    enum Family { CLASSIC, STABLE }

    /** @param deadAt when it stops working: its expiry, or earlier once replaced */
    private record Issued(String appId, String value, Instant expiresAt, Instant deadAt) {
        Issued diesAt(Instant at) {
            return new Issued(appId, value, expiresAt, at.isBefore(deadAt) ? at : deadAt);
        }
    }

    /** A token and how many whole seconds of its life are left, as WeChat's {@code expires_in} says. */
    record Grant(String token, long expiresIn) {}

    /** Per AppID and day: fetches, forced refreshes, and when the last forced one was. */
    private static final class Day {
        final long number;
        int fetches;
        int forced;

        Day(long number) {
            this.number = number;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration life;
    private final Duration overlap;
    private final int dailyQuota;
    private final Map<String, Issued> byValue = new HashMap<>();
    private final Map<String, Issued> current = new HashMap<>();
    private final Map<String, Day> days = new HashMap<>();
    private final Map<String, Instant> lastForced = new HashMap<>();

    SandboxAccessTokens(Clock clock, Duration life, int dailyQuota) {
        this.clock = clock;
        this.life = life;
        this.overlap = life.dividedBy(4).compareTo(LONGEST_OVERLAP) < 0 ? life.dividedBy(4) : LONGEST_OVERLAP;
        this.dailyQuota = dailyQuota;
    }

    /** {@code /cgi-bin/token}: a new token every call; the previous one works for the overlap more. Empty: quota. */
    synchronized Optional<Grant> classic(String appId) {
        Instant now = clock.instant();
        if (!counted(appId, now)) {
            return Optional.empty();
        }
        return Optional.of(issue(appId, Family.CLASSIC, now, now.plus(overlap)));
    }

    /**
     * {@code /cgi-bin/stable_token}: the current token until its last overlap, then a new one (the old one working
     * until it expires). Forced: the old one dies at once, unless the last forced refresh was under 30 s ago, which
     * WeChat answers as if not forced. Empty: the daily quota or the forced refreshes of the day are used up.
     */
    synchronized Optional<Grant> stable(String appId, boolean forceRefresh) {
        Instant now = clock.instant();
        if (!counted(appId, now)) {
            return Optional.empty();
        }
        Issued stable = current.get(key(appId, Family.STABLE));
        Instant forcedBefore = lastForced.get(appId);
        boolean forcing = forceRefresh && (forcedBefore == null || !now.isBefore(forcedBefore.plus(FORCED_REFRESH_SPACING)));
        if (forcing) {
            Day day = day(appId, now);
            if (day.forced >= FORCED_REFRESHES_PER_DAY) {
                return Optional.empty();
            }
            day.forced++;
            lastForced.put(appId, now);
            return Optional.of(issue(appId, Family.STABLE, now, now));
        }
        if (stable != null && now.isBefore(stable.expiresAt().minus(overlap))) {
            return Optional.of(grant(stable, now));
        }
        return Optional.of(issue(appId, Family.STABLE, now, stable == null ? now : stable.expiresAt()));
    }

    @Override
    public synchronized Optional<WeChatError> refusal(String appId, String accessToken) {
        Instant now = clock.instant();
        Issued issued = byValue.get(accessToken);
        if (issued == null || !issued.appId().equals(appId)) {
            return Optional.of(WeChatError.ACCESS_TOKEN_INVALID);
        }
        if (now.isBefore(issued.deadAt())) {
            return Optional.empty();
        }
        return Optional.of(issued.deadAt().isBefore(issued.expiresAt())
                ? WeChatError.ACCESS_TOKEN_INVALID
                : WeChatError.ACCESS_TOKEN_EXPIRED);
    }

    /** A new current token of the family; the one it replaces dies at {@code oldDiesAt} (or at its expiry). */
    private Grant issue(String appId, Family family, Instant now, Instant oldDiesAt) {
        Issued fresh = new Issued(appId, newToken(), now.plus(life), now.plus(life));
        Issued replaced = current.put(key(appId, family), fresh);
        if (replaced != null) {
            byValue.put(replaced.value(), replaced.diesAt(oldDiesAt));
        }
        byValue.put(fresh.value(), fresh);
        return grant(fresh, now);
    }

    private static Grant grant(Issued issued, Instant now) {
        return new Grant(issued.value(), Duration.between(now, issued.expiresAt()).toSeconds());
    }

    /** Counts a fetch; false past the daily quota. */
    private boolean counted(String appId, Instant now) {
        Day day = day(appId, now);
        if (day.fetches >= dailyQuota) {
            return false;
        }
        day.fetches++;
        return true;
    }

    private Day day(String appId, Instant now) {
        long today = LocalDate.ofInstant(now, WECHAT_CALENDAR).toEpochDay();
        return days.compute(appId, (app, day) -> day == null || day.number != today ? new Day(today) : day);
    }

    private static String key(String appId, Family family) {
        return family + "/" + appId;
    }

    /** Like WeChat's: a version prefix, then opaque characters, well over a hundred of them. */
    private String newToken() {
        byte[] bytes = new byte[60];
        random.nextBytes(bytes);
        return "90_SBX" + HexFormat.of().formatHex(bytes);
    }
}

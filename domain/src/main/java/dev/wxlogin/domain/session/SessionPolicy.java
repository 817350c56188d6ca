package dev.wxlogin.domain.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How long sessions live and how many a user may have.
 *
 * @param idle          a session unused for this long expires
 * @param max           a session expires this long after login, however much it is used
 * @param devices       single or multiple sessions per user
 * @param maxPerUser    the limit under {@link DevicePolicy#MULTIPLE}
 * @param touchInterval at most one "last seen" write per session per interval
 */
public record SessionPolicy(Duration idle, Duration max, DevicePolicy devices, int maxPerUser, Duration touchInterval) {
    /** The longest a use may go unrecorded: few writes, and a session idles out at most a minute early. */
    public static final Duration MAX_TOUCH_INTERVAL = Duration.ofMinutes(1);

    // in seconds: Duration.multipliedBy goes through BigDecimal, whose first use costs the server's start 10 ms
    private static final Duration TEN_MAX_TOUCH_INTERVALS = Duration.ofSeconds(MAX_TOUCH_INTERVAL.toSeconds() * 10);

    public static final SessionPolicy DEFAULT = of(Duration.ofHours(2), Duration.ofDays(7), DevicePolicy.MULTIPLE, 5);

    public SessionPolicy {
        Objects.requireNonNull(devices, "devices");
        requirePositive(idle, "idle timeout");
        requirePositive(max, "absolute lifetime");
        requirePositive(touchInterval, "touch interval");
        if (maxPerUser < 1) {
            throw new IllegalArgumentException("sessions per user must be at least 1");
        }
        if (touchInterval.compareTo(idle) >= 0) {
            throw new IllegalArgumentException("the touch interval must be shorter than the idle timeout");
        }
    }

    /**
     * A policy whose touch interval suits its idle timeout: a use is recorded at most once a minute, and at
     * least ten times per idle timeout, so a session in use idles out at most a tenth of the timeout early.
     */
    public static SessionPolicy of(Duration idle, Duration max, DevicePolicy devices, int maxPerUser) {
        requirePositive(idle, "idle timeout");
        // in nanoseconds: Duration.dividedBy goes through BigDecimal too
        Duration touchInterval = idle.compareTo(TEN_MAX_TOUCH_INTERVALS) < 0
                ? Duration.ofNanos(idle.toNanos() / 10) : MAX_TOUCH_INTERVAL;
        return new SessionPolicy(idle, max, devices, maxPerUser, touchInterval);
    }

    /** What the client is told at login: the token's life if it is not used again. */
    public Duration expiresIn() {
        return idle.compareTo(max) < 0 ? idle : max;
    }

    /** Sessions last seen at or before this instant have idled out by {@code now}. */
    public Instant idleCutoff(Instant now) {
        return now.minus(idle);
    }

    /** How many sessions a user may keep from before a new login. */
    public int earlierSessionsKept() {
        return devices == DevicePolicy.SINGLE ? 0 : maxPerUser - 1;
    }

    /** Of a caller's live sessions, oldest first, the ones a new login replaces: the oldest beyond the device policy. */
    public List<Session> replacedByANewLogin(List<Session> liveOldestFirst) {
        int excess = liveOldestFirst.size() - earlierSessionsKept();
        return liveOldestFirst.subList(0, Math.max(0, excess));
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}

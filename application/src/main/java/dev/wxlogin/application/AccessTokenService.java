package dev.wxlogin.application;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.port.in.ForGettingAccessTokens;
import dev.wxlogin.domain.port.in.ForRefreshingAccessTokens;
import dev.wxlogin.domain.port.out.ForFetchingAccessTokens;
import dev.wxlogin.domain.port.out.ForFetchingAccessTokens.FetchedAccessToken;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens.StoredAccessToken;
import dev.wxlogin.domain.token.AccessToken;
import dev.wxlogin.domain.token.AccessTokenGrant;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The central access_token service. Every instance hands out the token stored for the AppID; a new one is fetched
 * only by the holder of the AppID's lease in the database, and written only if it is newer than what is stored.
 * Within an instance one caller per AppID goes for the lease; the others wait for what it brings back, so however
 * many callers ask at once, the cluster makes one fetch.
 *
 * <p>Proactive refresh ({@link #refreshDue()}): inside the window in which WeChat's stable_token issues a new token
 * (its last 5 minutes, or a quarter of a shorter life), at a point of that window's first half that each instance
 * draws at random, so instances do not all try at once. Passive refresh ({@link #replaceRejected}): compare, then
 * refresh; if stable_token answers the rejected token again, force_refresh, within WeChat's limits, counted in the
 * database for the whole cluster. When WeChat fails, the stored token is served while it lives.
 */
public final class AccessTokenService implements ForGettingAccessTokens, ForRefreshingAccessTokens {
    /** WeChat issues a new stable token in the last 5 minutes of the old one's life. */
    static final Duration NEW_TOKEN_WINDOW = Duration.ofMinutes(5);
    static final Duration FORCED_REFRESH_SPACING = Duration.ofSeconds(30);
    static final int FORCED_REFRESHES_PER_DAY = 20;
    /** WeChat's daily limits start again at midnight, China time. */
    static final ZoneOffset WECHAT_CALENDAR = ZoneOffset.ofHours(8);
    /** The proactive job looks at least this often, and after a failed refresh tries again this much later. */
    static final Duration LONGEST_CHECK_INTERVAL = Duration.ofSeconds(30);
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(AccessTokenService.class.getName());

    /** How a caller waits for another instance's refresh. */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final ForFetchingAccessTokens wechat;
    private final ForStoringAccessTokens store;
    private final List<AppId> apps;
    private final Clock clock;
    private final AccessTokenTiming timing;
    private final Pause pause;
    /** Where in the refresh window this instance refreshes: 0.1 (early) to 0.5 (its middle). */
    private final double refreshPoint;
    private final String owner = UUID.randomUUID().toString();
    private final Map<AppId, ReentrantLock> refreshers = new ConcurrentHashMap<>();

    /** @param apps the AppIDs whose stored tokens the proactive job keeps fresh */
    public AccessTokenService(ForFetchingAccessTokens wechat, ForStoringAccessTokens store, List<AppId> apps,
                              Clock clock, AccessTokenTiming timing) {
        this(wechat, store, apps, clock, timing, Thread::sleep,
                ThreadLocalRandom.current().nextDouble(0.1, 0.5));
    }

    AccessTokenService(ForFetchingAccessTokens wechat, ForStoringAccessTokens store, List<AppId> apps, Clock clock,
                       AccessTokenTiming timing, Pause pause, double refreshPoint) {
        this.wechat = wechat;
        this.store = store;
        this.apps = List.copyOf(apps);
        this.clock = clock;
        this.timing = timing;
        this.pause = pause;
        this.refreshPoint = refreshPoint;
    }

    @Override
    public AccessTokenGrant current(AppId app) {
        Optional<StoredAccessToken> stored = store.find(app).filter(this::live);
        return stored.isPresent() ? stored.get().grant() : refreshed(app, this::live, null, true).grant();
    }

    @Override
    public AccessTokenGrant replaceRejected(AppId app, AccessToken rejected) {
        return refreshed(app, stored -> live(stored) && !stored.grant().token().equals(rejected), rejected, true)
                .grant();
    }

    @Override
    public Instant refreshDue() {
        Instant next = clock.instant().plus(LONGEST_CHECK_INTERVAL);
        for (AppId app : apps) {
            Optional<StoredAccessToken> stored = store.find(app);
            if (stored.isPresent()) {
                Instant due = refreshAt(stored.get());
                if (!due.isAfter(clock.instant())) {
                    due = refreshedInAdvance(app);
                }
                next = due.isBefore(next) ? due : next;
            }
        }
        return next;
    }

    /** When this instance's next check of the AppID is due, after a refresh. */
    private Instant refreshedInAdvance(AppId app) {
        try {
            Instant due = refreshAt(
                    refreshed(app, stored -> live(stored) && refreshAt(stored).isAfter(clock.instant()), null, false));
            return due.isAfter(clock.instant()) ? due : clock.instant().plus(RETRY_INTERVAL);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "The proactive access_token refresh of AppID {0} failed ({1}); trying again in {2} s",
                    app, failed.getMessage(), Long.toString(RETRY_INTERVAL.toSeconds()));
            return clock.instant().plus(RETRY_INTERVAL);
        }
    }

    /**
     * The stored token if it satisfies the caller, else one refreshed by this instance or another.
     *
     * @param rejected the token a WeChat API refused, which must not come back unless WeChat insists; or null
     * @param wait     whether to wait for another instance's refresh (a proactive one need not)
     */
    private StoredAccessToken refreshed(AppId app, Predicate<StoredAccessToken> satisfies, AccessToken rejected,
                                        boolean wait) {
        ReentrantLock refresher = refreshers.computeIfAbsent(app, any -> new ReentrantLock());
        refresher.lock();
        try {
            for (int poll = 0; ; poll++) {
                Optional<StoredAccessToken> stored = store.find(app);
                if (stored.filter(satisfies).isPresent()) {
                    return stored.get();
                }
                Instant now = clock.instant();
                if (store.takeLease(app, owner, now, now.plus(timing.lease()))) {
                    try {
                        return refreshedUnderLease(app, satisfies, rejected);
                    } finally {
                        store.releaseLease(app, owner);
                    }
                }
                if (!wait) { // a proactive refresh, of a stored token, that another instance is doing
                    return stored.orElseThrow();
                }
                if (poll == timing.polls()) {
                    throw unavailable(app, "being refreshed by another instance, which is taking long");
                }
                waitFor(timing.poll());
            }
        } finally {
            refresher.unlock();
        }
    }

    private StoredAccessToken refreshedUnderLease(AppId app, Predicate<StoredAccessToken> satisfies,
                                                  AccessToken rejected) {
        // Another instance may have written it between our look and our lease.
        Optional<StoredAccessToken> stored = store.find(app);
        if (stored.filter(satisfies).isPresent()) {
            return stored.get();
        }
        Instant asked = clock.instant();
        FetchedAccessToken fetched;
        try {
            fetched = wechat.fetch(app, false);
            if (fetched.token().equals(rejected)) {
                fetched = forcedIfAllowed(app, fetched, asked);
            }
        } catch (UpstreamFailure failure) {
            return keptDespite(failure, app, stored, rejected);
        }
        long version = stored.map(StoredAccessToken::version).orElse(0L) + 1;
        // Its life counted from before the call: WeChat's clock started no later.
        StoredAccessToken fresh = new StoredAccessToken(
                new AccessTokenGrant(app, fetched.token(), asked.plus(fetched.expiresIn())), asked, version);
        if (!store.save(fresh)) {
            LOG.log(Level.WARNING, "A newer access_token of AppID {0} was stored while this instance fetched version {1}"
                    + " (its lease had lapsed): keeping the newer one", app, Long.toString(version));
            return store.find(app).orElseThrow();
        }
        // Numbers as text: the logger's MessageFormat would print 7200 as "7,200".
        LOG.log(Level.INFO, "Fetched access_token version {0} of AppID {1}, expiring in {2} s", Long.toString(version),
                app, Long.toString(fetched.expiresIn().toSeconds()));
        return fresh;
    }

    private FetchedAccessToken forcedIfAllowed(AppId app, FetchedAccessToken same, Instant now) {
        long day = LocalDate.ofInstant(now, WECHAT_CALENDAR).toEpochDay();
        int today = store.countForcedRefresh(app, now, day, FORCED_REFRESH_SPACING, FORCED_REFRESHES_PER_DAY);
        if (today == 0) {
            LOG.log(Level.WARNING, "stable_token answered the access_token of AppID {0} that an API rejected, and"
                    + " force_refresh is at WeChat''s limit (30 s apart, {1} a day): keeping it", app,
                    FORCED_REFRESHES_PER_DAY);
            return same;
        }
        LOG.log(Level.INFO, "stable_token answered the access_token of AppID {0} that an API rejected: force_refresh"
                + " {1} of {2} today", app, today, FORCED_REFRESHES_PER_DAY);
        return wechat.fetch(app, true);
    }

    /** The stored token while it lives and is not the rejected one; else the failure, for the caller. */
    private StoredAccessToken keptDespite(UpstreamFailure failure, AppId app, Optional<StoredAccessToken> stored,
                                          AccessToken rejected) {
        Optional<StoredAccessToken> usable = stored.filter(this::live)
                .filter(kept -> !kept.grant().token().equals(rejected));
        String keeping = usable.isPresent() ? "serving the stored token until it expires" : "no live token to serve";
        switch (failure.kind()) {
            case MISCONFIGURED -> LOG.log(Level.ERROR, "The access_token of AppID {0} cannot be fetched: WeChat says this"
                    + " server is misconfigured: {1}; {2}", app, failure.getMessage(), keeping);
            case RATE_LIMITED -> LOG.log(Level.ERROR, "The access_token of AppID {0} cannot be fetched: WeChat''s daily"
                    + " quota for it is used up (45009); {1}", app, keeping);
            default -> LOG.log(Level.WARNING, "The access_token of AppID {0} cannot be fetched: {1}; {2}", app,
                    failure.getMessage(), keeping);
        }
        if (usable.isPresent()) {
            return usable.get();
        }
        throw failure.kind() == UpstreamFailure.Kind.MISCONFIGURED
                ? failure
                : unavailable(app, "not to be had from WeChat now");
    }

    private UpstreamFailure unavailable(AppId app, String why) {
        return new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE,
                "The access_token of AppID " + app + " is " + why + "; try again shortly", RETRY_AFTER);
    }

    private boolean live(StoredAccessToken stored) {
        return stored.grant().expiresAt().isAfter(clock.instant());
    }

    /**
     * The window is the last 5 minutes of a token's life, or the last quarter of a shorter one (the sandbox's);
     * a token fetched late in its life (stable_token answers what is left) has a shorter window, inside WeChat's.
     */
    private Instant refreshAt(StoredAccessToken stored) {
        Instant expiresAt = stored.grant().expiresAt();
        long lifeMillis = Duration.between(stored.fetchedAt(), expiresAt).toMillis();
        long windowMillis = Math.min(NEW_TOKEN_WINDOW.toMillis(), lifeMillis / 4);
        return expiresAt.minusMillis(windowMillis).plusMillis((long) (windowMillis * refreshPoint));
    }

    private void waitFor(Duration duration) {
        try {
            pause.pause(duration);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new UpstreamFailure(UpstreamFailure.Kind.UNAVAILABLE, "Interrupted while waiting for an access_token",
                    RETRY_AFTER);
        }
    }
}

package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.port.out.ForStoringAccessTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link ForStoringAccessTokens} in memory: one row per AppID, as the table has. */
public final class InMemoryAccessTokenStorage implements ForStoringAccessTokens {
    private static final class Row {
        StoredAccessToken token;
        String leaseOwner;
        Instant leaseUntil;
        Instant lastForced;
        long forcedDay;
        int forcedCount;
    }

    private final Map<AppId, Row> rows = new HashMap<>();

    @Override
    public synchronized Optional<StoredAccessToken> find(AppId app) {
        return Optional.ofNullable(rows.get(app)).map(row -> row.token);
    }

    @Override
    public synchronized boolean takeLease(AppId app, String owner, Instant now, Instant until) {
        Row row = rows.computeIfAbsent(app, any -> new Row());
        if (row.leaseOwner != null && row.leaseUntil.isAfter(now)) {
            return false;
        }
        row.leaseOwner = owner;
        row.leaseUntil = until;
        return true;
    }

    @Override
    public synchronized void releaseLease(AppId app, String owner) {
        Row row = rows.get(app);
        if (row != null && owner.equals(row.leaseOwner)) {
            row.leaseOwner = null;
            row.leaseUntil = null;
        }
    }

    @Override
    public synchronized boolean save(StoredAccessToken token) {
        Row row = rows.computeIfAbsent(token.grant().appId(), any -> new Row());
        if (row.token != null && row.token.version() >= token.version()) {
            return false;
        }
        row.token = token;
        return true;
    }

    @Override
    public synchronized int countForcedRefresh(AppId app, Instant now, long day, Duration spacing, int perDay) {
        Row row = rows.get(app);
        if (row == null) {
            return 0;
        }
        int sameDay = row.lastForced != null && row.forcedDay == day ? row.forcedCount : 0;
        if (row.lastForced != null && row.lastForced.plus(spacing).isAfter(now) || sameDay >= perDay) {
            return 0;
        }
        row.lastForced = now;
        row.forcedDay = day;
        row.forcedCount = sameDay + 1;
        return row.forcedCount;
    }
}

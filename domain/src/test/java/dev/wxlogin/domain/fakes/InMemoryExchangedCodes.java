package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.port.out.ForRememberingExchangedCodes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** A {@link ForRememberingExchangedCodes} in memory. */
public final class InMemoryExchangedCodes implements ForRememberingExchangedCodes {
    private final Map<String, Instant> claims = new HashMap<>();

    @Override
    public synchronized boolean claim(AppId appId, LoginCode code, Instant now, Instant expiresAt) {
        String key = key(appId, code);
        Instant held = claims.get(key);
        if (held != null && held.isAfter(now)) {
            return false;
        }
        claims.put(key, expiresAt);
        return true;
    }

    @Override
    public synchronized void release(AppId appId, LoginCode code) {
        claims.remove(key(appId, code));
    }

    @Override
    public synchronized int deleteExpired(Instant now, int limit) {
        int removed = 0;
        for (Iterator<Instant> it = claims.values().iterator(); it.hasNext() && removed < limit; ) {
            if (!it.next().isAfter(now)) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    private static String key(AppId appId, LoginCode code) {
        return appId.value() + "/" + code.fingerprint();
    }
}

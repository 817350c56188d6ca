package dev.wxlogin.adapters.wechat.sandbox;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** WeChat's per-user minute quota on code2Session: a count per openid that resets with each clock minute. */
final class MinuteQuota {
    private record Window(long minute, int calls) {}

    private final ConcurrentMap<String, Window> byOpenId = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int callsPerMinute;

    MinuteQuota(Clock clock, int callsPerMinute) {
        this.clock = clock;
        this.callsPerMinute = callsPerMinute;
    }

    /** Counts a call; false once this minute's calls exceed the quota. */
    boolean admit(String openId) {
        long minute = Math.floorDiv(clock.millis(), 60_000L);
        Window window = byOpenId.merge(openId, new Window(minute, 1), (old, fresh) ->
                old.minute() == minute ? new Window(minute, Math.min(old.calls(), callsPerMinute) + 1) : fresh);
        return window.calls() <= callsPerMinute;
    }
}

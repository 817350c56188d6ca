package dev.wxlogin.adapters.wechat.sandbox;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Misbehaviour the sandbox can be told to show on jscode2session, so clients can be tried against WeChat's bad
 * days, on every API it serves. Thread-safe; change it while the sandbox runs. When several faults are on, the first
 * in this order wins: hang, bad gateway, quota exceeded, busy. The latency applies to every answer. Token
 * rejections apply to the APIs that take an access_token only, after those faults.
 */
public final class SandboxFaults {
    enum Fault { NONE, HANG, BAD_GATEWAY, QUOTA_EXCEEDED, BUSY }

    private final AtomicInteger busyCallsLeft = new AtomicInteger();
    private final AtomicInteger tokenRejectionsLeft = new AtomicInteger();
    private volatile double busyRate;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean quotaExceeded;
    private volatile boolean hang;
    private volatile boolean badGateway;

    /** Answer -1 "system error" to this fraction (0 to 1) of calls, chosen at random. */
    public SandboxFaults busyRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("busyRate must be between 0 and 1");
        }
        this.busyRate = rate;
        return this;
    }

    /** Answer -1 "system error" to the next {@code calls} calls, then behave again. */
    public SandboxFaults busyForNext(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative");
        }
        busyCallsLeft.set(calls);
        return this;
    }

    /**
     * Answer 40001 (access_token invalid or not latest) to the next {@code calls} calls of the APIs that take an
     * access_token, whatever token they bring, as WeChat does right after it replaced the token; then behave again.
     */
    public SandboxFaults rejectTokensForNext(int calls) {
        if (calls < 0) {
            throw new IllegalArgumentException("calls must not be negative");
        }
        tokenRejectionsLeft.set(calls);
        return this;
    }

    /** Wait this long before every answer. */
    public SandboxFaults latency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = latency;
        return this;
    }

    /** Answer 45011 (minute quota reached) to every call. */
    public SandboxFaults quotaExceeded(boolean on) {
        this.quotaExceeded = on;
        return this;
    }

    /** Never answer: calls hang until the sandbox closes. */
    public SandboxFaults hang(boolean on) {
        this.hang = on;
        return this;
    }

    /** Answer HTTP 502 with an HTML page, as a failing proxy in front of WeChat would. */
    public SandboxFaults badGateway(boolean on) {
        this.badGateway = on;
        return this;
    }

    /** Back to a well-behaved WeChat. */
    public SandboxFaults clear() {
        busyCallsLeft.set(0);
        tokenRejectionsLeft.set(0);
        busyRate = 0;
        latency = Duration.ZERO;
        quotaExceeded = false;
        hang = false;
        badGateway = false;
        return this;
    }

    Duration latency() {
        return latency;
    }

    /** Whether the access_token of the call now arriving is to be refused; takes one from the budget when it is. */
    boolean rejectsToken() {
        return tokenRejectionsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
    }

    /** The fault for the call now arriving; takes one from the "busy for next" budget when that decides. */
    Fault next() {
        if (hang) {
            return Fault.HANG;
        }
        if (badGateway) {
            return Fault.BAD_GATEWAY;
        }
        if (quotaExceeded) {
            return Fault.QUOTA_EXCEEDED;
        }
        boolean busyNow = busyCallsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0
                || ThreadLocalRandom.current().nextDouble() < busyRate;
        return busyNow ? Fault.BUSY : Fault.NONE;
    }
}

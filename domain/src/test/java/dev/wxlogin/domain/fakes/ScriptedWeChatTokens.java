package dev.wxlogin.domain.fakes;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.port.out.ForFetchingAccessTokens;
import dev.wxlogin.domain.token.AccessToken;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WeChat's token API as a test directs it: each fetch issues {@code token-1}, {@code token-2}, … with a life of
 * {@link #expiresIn}, unless told to answer the last token again (stable_token outside its window: only a forced
 * refresh then issues a new one), to fail, or to hold every fetch until released. Counts what it was asked.
 */
public final class ScriptedWeChatTokens implements ForFetchingAccessTokens {
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger forced = new AtomicInteger();
    private volatile Duration expiresIn = Duration.ofSeconds(7200);
    private volatile boolean sameUntilForced;
    private volatile UpstreamFailure failure;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private final CountDownLatch firstFetchArrived = new CountDownLatch(1);
    private final String prefix;

    public ScriptedWeChatTokens() {
        this("token-");
    }

    /** Issues {@code <prefix>1}, {@code <prefix>2}, …: two fakes with different prefixes never issue the same token. */
    public ScriptedWeChatTokens(String prefix) {
        this.prefix = prefix;
    }

    public ScriptedWeChatTokens expiresIn(Duration life) {
        this.expiresIn = life;
        return this;
    }

    /** Normal fetches answer the last token issued; forced ones issue a new one. */
    public ScriptedWeChatTokens sameUntilForced(boolean on) {
        this.sameUntilForced = on;
        return this;
    }

    /** Every fetch fails so, until {@link #recover()}. */
    public ScriptedWeChatTokens failing(UpstreamFailure failure) {
        this.failure = failure;
        return this;
    }

    public ScriptedWeChatTokens recover() {
        this.failure = null;
        return this;
    }

    /** Fetches wait until {@link #release()}. */
    public ScriptedWeChatTokens hold() {
        this.held = new CountDownLatch(1);
        return this;
    }

    public void release() {
        held.countDown();
    }

    /** Waits until some fetch has started. */
    public void awaitFetch() throws InterruptedException {
        if (!firstFetchArrived.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no fetch within 10 s");
        }
    }

    @Override
    public FetchedAccessToken fetch(AppId app, boolean forceRefresh) {
        fetches.incrementAndGet();
        firstFetchArrived.countDown();
        try {
            if (!held.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("a held fetch was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (forceRefresh) {
            forced.incrementAndGet();
        }
        UpstreamFailure failing = failure;
        if (failing != null) {
            throw failing;
        }
        int number = sameUntilForced && !forceRefresh && issued.get() > 0 ? issued.get() : issued.incrementAndGet();
        return new FetchedAccessToken(token(number), expiresIn);
    }

    /** The n-th token this fake issues. */
    public AccessToken token(int n) {
        return new AccessToken(prefix + n);
    }

    /** Every fetch asked for, forced ones and failed ones included. */
    public int fetches() {
        return fetches.get();
    }

    public int forcedFetches() {
        return forced.get();
    }
}

package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.error.UpstreamFailure;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.exception.AcquirePermissionCancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static dev.wxlogin.domain.error.UpstreamFailure.Kind.BUSY;
import static dev.wxlogin.domain.error.UpstreamFailure.Kind.UNAVAILABLE;

/**
 * Makes the calls of one WeChat API fail at once while it is down or swamped: a Resilience4j circuit breaker
 * inside a semaphore bulkhead. The bulkhead is outside so that its rejections, which say nothing about WeChat,
 * never reach the breaker's statistics.
 */
final class OutageGuard {
    private static final Logger LOG = LoggerFactory.getLogger(OutageGuard.class);
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    /** When the breaker last opened plus its open time, by {@link System#nanoTime()}. */
    private volatile long openUntilNanos = System.nanoTime();

    /** @param apiName the API guarded, such as {@code code2Session} */
    OutageGuard(String apiName, WeChatApiSettings.Breaker breakerSettings, WeChatApiSettings.Bulkhead bulkheadSettings) {
        long openForNanos = breakerSettings.openFor().toNanos();
        String name = "wechat-" + apiName;
        this.breaker = CircuitBreaker.of(name, breakerConfig(breakerSettings));
        this.bulkhead = Bulkhead.of(name, BulkheadConfig.custom()
                .maxConcurrentCalls(bulkheadSettings.maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .writableStackTraceEnabled(false)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            CircuitBreaker.StateTransition transition = event.getStateTransition();
            if (transition.getToState() == CircuitBreaker.State.OPEN) {
                openUntilNanos = System.nanoTime() + openForNanos;
            }
            LOG.warn("WeChat circuit breaker for {} went from {} to {}", apiName, transition.getFromState(),
                    transition.getToState());
        });
    }

    private static CircuitBreakerConfig breakerConfig(WeChatApiSettings.Breaker settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindow(Math.toIntExact(settings.window().toSeconds()), settings.minimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                .failureRateThreshold(settings.failureRatePercent())
                .slowCallDurationThreshold(settings.slowCallThreshold())
                .slowCallRateThreshold(settings.slowCallRatePercent())
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                // So that the state a readiness check reads moves on without traffic.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(OutageGuard::saysWeChatIsUnwell)
                // A call our own side interrupted (shutdown, a dropped request) says nothing about WeChat.
                .ignoreException(thrown -> Thread.currentThread().isInterrupted())
                // Rejections become domain errors at once: a stack trace per rejected login would only cost time.
                .writableStackTraceEnabled(false)
                .build();
    }

    /**
     * Any other outcome counts as a success: WeChat answered, about the user's code, the quota, our credentials, or
     * with an errcode we do not know (a refusal we cannot read is no sign of an outage).
     */
    private static boolean saysWeChatIsUnwell(Throwable thrown) {
        return thrown instanceof UpstreamFailure failure && (failure.kind() == UNAVAILABLE || failure.kind() == BUSY);
    }

    /** Runs one whole call, retries included, or fails at once with an {@link UpstreamFailure} when it may not run now. */
    <T> T call(Supplier<T> call) {
        try {
            return bulkhead.executeSupplier(() -> breaker.executeSupplier(call));
        } catch (CallNotPermittedException breakerOpen) {
            throw WeChatFailures.breakerOpen(retryAfterOpen());
        } catch (BulkheadFullException bulkheadFull) {
            throw WeChatFailures.bulkheadFull();
        } catch (AcquirePermissionCancelledException interrupted) {
            throw WeChatFailures.interrupted();
        }
    }

    /** CLOSED, OPEN or HALF_OPEN. */
    String breakerState() {
        return breaker.getState().name();
    }

    /** What is left of the open time, in whole seconds rounded up; 1 s once probes are being let through. */
    private Duration retryAfterOpen() {
        long remainingNanos = openUntilNanos - System.nanoTime();
        return Duration.ofSeconds(Math.max(1, Math.ceilDiv(remainingNanos, TimeUnit.SECONDS.toNanos(1))));
    }
}

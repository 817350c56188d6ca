package dev.wxlogin.adapters.wechat;

import dev.wxlogin.adapters.wechat.WeChatAnswer.Answered;
import dev.wxlogin.adapters.wechat.WeChatAnswer.Failure;
import dev.wxlogin.adapters.wechat.WeChatAnswer.NotSent;
import dev.wxlogin.adapters.wechat.WeChatAnswer.Refused;
import dev.wxlogin.adapters.wechat.WeChatAnswer.Unanswered;
import dev.wxlogin.adapters.wechat.WeChatAnswer.Unreadable;
import dev.wxlogin.adapters.wechat.WeChatApi.Reading;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.UpstreamFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one HTTP client every WeChat API call goes through, against WeChat itself or the sandbox.
 *
 * <p>Secrets travel in query strings (the AppSecret, codes, the access_token), so no request URL is ever logged
 * nor put into an exception, and no exception from the HTTP stack is passed on as a cause. Answers are read by
 * their errcode whatever the HTTP status, and never past {@link #MAX_ANSWER_BYTES}. Only "system busy" (-1) and
 * connections that failed before the request was sent are retried: any other failure may have taken effect, a
 * single-use code consumed for one. A whole call, retries and their waits included, ends within
 * {@code totalTimeout}. Each API gets an {@link OutageGuard} of its own (see {@link #api}).
 */
final class WeChatHttpClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WeChatHttpClient.class);
    private static final int MAX_ERRMSG_LOGGED = 300;
    /** WeChat's JSON answers are a few hundred bytes. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final WeChatApiSettings settings;
    private final String baseUrl;
    private final Backoff backoff;
    private final HttpClient http;

    WeChatHttpClient(WeChatApiSettings settings) {
        this.settings = settings;
        this.baseUrl = settings.baseUrl().toString().replaceAll("/+$", "");
        this.backoff = new Backoff(settings.retry());
        HttpClient.Builder http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // Short calls: HTTP/1.1 keep-alive is enough, and it skips the h2c upgrade dance.
                .version(HttpClient.Version.HTTP_1_1);
        PlainHttpTls.forBaseUrl(settings.baseUrl()).ifPresent(http::sslContext);
        this.http = http.build();
    }

    /**
     * {@code api} as called through this client, behind a circuit breaker and a bulkhead of its own: WeChat's
     * APIs fail and slow down one by one, and one that does must not stop or crowd out the others (logins).
     */
    <T> GuardedApi<T> api(WeChatApi<T> api) {
        return new GuardedApi<>(api, new OutageGuard(api.name(), settings.breaker(), settings.bulkhead()));
    }

    /** One WeChat API with its breaker and bulkhead. */
    final class GuardedApi<T> {
        private final WeChatApi<T> api;
        private final OutageGuard guard;

        private GuardedApi(WeChatApi<T> api, OutageGuard guard) {
            this.api = api;
            this.guard = guard;
        }

        /** The API's result, or a {@link DomainException}; at once with an {@link UpstreamFailure} while guarded. */
        T call(WeChatRequest request) {
            return guard.call(() -> callWithRetries(api, request));
        }

        /** CLOSED, OPEN or HALF_OPEN. */
        String breakerState() {
            return guard.breakerState();
        }
    }

    /** Stops the HTTP client's threads; calls still under way finish first. */
    @Override
    public void close() {
        http.close();
    }

    private <T> T callWithRetries(WeChatApi<T> api, WeChatRequest request) {
        HttpRequest httpRequest = request.toHttpRequest(baseUrl + api.path());
        Deadline deadline = Deadline.after(settings.totalTimeout());
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            Failure failure;
            switch (attempt(httpRequest, deadline.capped(settings.requestTimeout()))) {
                case Answered answered -> {
                    switch (api.read(answered.body())) {
                        case Reading.Result<T> result -> {
                            logAttempt(api, request, attempt, result.summary(), started);
                            return result.value();
                        }
                        case Reading.Garbled<T> garbled -> failure = new Unreadable(garbled.what());
                    }
                }
                case Refused refused when api.resultFor(refused.errcode()).isPresent() -> {
                    logAttempt(api, request, attempt, refused.summary(), started);
                    return api.resultFor(refused.errcode()).get();
                }
                case Failure failed -> failure = failed;
            }
            logAttempt(api, request, attempt, failure.summary(), started);
            Duration wait = backoff.delayBefore(attempt);
            if (!retrying(failure, attempt, wait, deadline)) {
                throw domainErrorFor(failure, api, request);
            }
            pause(wait);
        }
    }

    private static void logAttempt(WeChatApi<?> api, WeChatRequest request, int attempt, String outcome, long started) {
        LOG.debug("{} appid={} attempt={} outcome=[{}] elapsedMs={}", api.name(), request.appId(), attempt, outcome,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * Retries only what certainly had no effect, and only while the retry, after its wait, still has the connect
     * timeout to itself: one cut shorter would likely run out of time after sending, and turn a clean "busy" or
     * "unreachable" into "may have used up the code".
     */
    private boolean retrying(Failure failure, int attempt, Duration wait, Deadline deadline) {
        return failure.worthRetrying() && attempt <= settings.retry().maxRetries()
                && deadline.leaves(wait.plus(settings.connectTimeout()));
    }

    private WeChatAnswer attempt(HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, CappedBody.atMost(MAX_ANSWER_BYTES));
        try {
            // One deadline for headers and body alike: HttpRequest.timeout() stops counting once headers arrive.
            HttpResponse<byte[]> answered = response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return WeChatAnswers.read(answered.statusCode(), answered.body());
        } catch (TimeoutException timedOut) {
            response.cancel(true);
            return new Unanswered("no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException failed) {
            return failureOf(failed.getCause());
        } catch (InterruptedException interrupted) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw WeChatFailures.interrupted();
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw WeChatFailures.interrupted();
        }
    }

    /** Names the exception's class only: messages from the HTTP stack might quote the URL. */
    private static Failure failureOf(Throwable cause) {
        if (cause instanceof CappedBody.TooLarge tooLarge) {
            return new Unreadable(tooLarge.getMessage());
        }
        String failure = cause.getClass().getSimpleName();
        boolean beforeSending = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
        return beforeSending ? new NotSent(failure) : new Unanswered(failure);
    }

    private static DomainException domainErrorFor(Failure failure, WeChatApi<?> api, WeChatRequest request) {
        return switch (failure) {
            case Refused refused -> {
                DomainException error = WeChatFailures.tokenRejected(request, refused.errcode())
                        .or(() -> api.errorFor(refused.errcode()))
                        .orElseGet(() -> WeChatFailures.forErrcode(refused.errcode()));
                if (error instanceof UpstreamFailure upstream) {
                    logRefusal(upstream.kind(), refused, api, request);
                }
                yield error;
            }
            case Unreadable unreadable -> WeChatFailures.unreadable(api.name());
            case NotSent notSent -> WeChatFailures.notSent();
            case Unanswered unanswered -> WeChatFailures.unanswered();
        };
    }

    /** The refusals an operator must act on, or at least know about; the others are the user's affair. */
    private static void logRefusal(UpstreamFailure.Kind kind, Refused refused, WeChatApi<?> api, WeChatRequest request) {
        switch (kind) {
            case MISCONFIGURED -> LOG.error("WeChat refused the credentials configured for AppID {} with errcode {} ({}): "
                            + "check this server's AppID/AppSecret configuration and WeChat's IP whitelist",
                    request.appId(), refused.errcode(), loggable(refused.errmsg(), request));
            case REFUSED -> LOG.warn("WeChat refused a {} call for AppID {} with errcode {}, unknown to this server ({})",
                    api.name(), request.appId(), refused.errcode(), loggable(refused.errmsg(), request));
            default -> { }
        }
    }

    /**
     * WeChat's errmsg helps operators (its rid, the IP to whitelist), but it comes from the network: keep it
     * to one short line, and should it ever echo a secret of the request, blank it out.
     */
    private static String loggable(String errmsg, WeChatRequest request) {
        String oneLine = request.redacted(errmsg).replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_ERRMSG_LOGGED ? oneLine : oneLine.substring(0, MAX_ERRMSG_LOGGED) + "...";
    }
}

package dev.wxlogin.adapters.wechat;

import dev.wxlogin.adapters.wechat.Code2SessionAnswer.Failure;
import dev.wxlogin.adapters.wechat.Code2SessionAnswer.Identified;
import dev.wxlogin.adapters.wechat.Code2SessionAnswer.NotSent;
import dev.wxlogin.adapters.wechat.Code2SessionAnswer.Refused;
import dev.wxlogin.adapters.wechat.Code2SessionAnswer.Unanswered;
import dev.wxlogin.adapters.wechat.Code2SessionAnswer.Unreadable;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;
import dev.wxlogin.domain.error.DomainException;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.error.UpstreamFailure;
import dev.wxlogin.domain.login.LoginCode;
import dev.wxlogin.domain.login.WeChatIdentity;
import dev.wxlogin.domain.port.out.ForExchangingLoginCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * WeChat's code2Session over HTTP ({@code GET /sns/jscode2session}), against WeChat itself or the sandbox.
 *
 * <p>The AppSecret and the code travel in the query string, so the request URL is never logged nor put into
 * an exception, and no exception from the HTTP stack is passed on as a cause. Only "system busy" (-1) and
 * connections that failed before the request was sent are retried: any other failure may have consumed the
 * single-use code. A whole exchange, retries and their waits included, ends within {@code totalTimeout}. An
 * {@link OutageGuard} around each whole exchange makes exchanges fail at once while WeChat looks down or too many
 * are under way.
 */
public final class WeChatApiLoginCodeAdapter implements ForExchangingLoginCodes, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WeChatApiLoginCodeAdapter.class);
    private static final int MAX_ERRMSG_LOGGED = 300;
    /** A code2Session answer is a few hundred bytes. */
    static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final WeChatApiSettings settings;
    private final String endpoint;
    private final Map<AppId, AppSecret> secrets;
    private final Backoff backoff;
    private final OutageGuard guard;
    private final HttpClient http;

    public WeChatApiLoginCodeAdapter(WeChatApiSettings settings) {
        this.settings = settings;
        this.endpoint = settings.baseUrl().toString().replaceAll("/+$", "") + "/sns/jscode2session";
        this.secrets = settings.miniPrograms().stream()
                .collect(Collectors.toUnmodifiableMap(MiniProgram::appId, MiniProgram::secret));
        this.backoff = new Backoff(settings.retry());
        this.guard = new OutageGuard(settings.breaker(), settings.bulkhead());
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // One short GET per login: HTTP/1.1 keep-alive is enough, and it skips the h2c upgrade dance.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public WeChatIdentity exchange(AppId appId, LoginCode code) {
        AppSecret secret = secrets.get(appId);
        if (secret == null) {
            throw new InvalidInput("This server has no AppSecret configured for AppID " + appId);
        }
        // Checked outside the guard: a caller's unknown AppID says nothing about WeChat.
        return guard.call(() -> exchangeWithRetries(appId, secret, code));
    }

    /**
     * The circuit breaker's state, for a readiness or health check: CLOSED while WeChat looks well, OPEN while
     * exchanges fail at once, HALF_OPEN while a few probe exchanges try whether WeChat is back.
     */
    public String breakerState() {
        return guard.breakerState();
    }

    private WeChatIdentity exchangeWithRetries(AppId appId, AppSecret secret, LoginCode code) {
        URI uri = jscode2sessionUri(appId, secret, code);
        Deadline deadline = Deadline.after(settings.totalTimeout());
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            Code2SessionAnswer answer = call(uri, deadline.capped(settings.requestTimeout()));
            LOG.debug("code2Session appid={} attempt={} outcome=[{}] elapsedMs={}",
                    appId, attempt, answer.summary(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            switch (answer) {
                case Identified identified -> {
                    return identified.identity();
                }
                case Failure failure -> {
                    Duration wait = backoff.delayBefore(attempt);
                    if (!retrying(failure, attempt, wait, deadline)) {
                        throw domainErrorFor(failure, appId, secret, code);
                    }
                    pause(wait);
                }
            }
        }
    }

    /**
     * Retries only what left the code unconsumed, and only while the retry, after its wait, still has the connect
     * timeout to itself: one cut shorter would likely run out of time after sending the code, and turn a clean
     * "busy" or "unreachable" into "may have used up the code".
     */
    private boolean retrying(Failure failure, int attempt, Duration wait, Deadline deadline) {
        return failure.worthRetrying() && attempt <= settings.retry().maxRetries()
                && deadline.leaves(wait.plus(settings.connectTimeout()));
    }

    /** Stops the HTTP client's threads; calls still under way finish first. */
    @Override
    public void close() {
        http.close();
    }

    private URI jscode2sessionUri(AppId appId, AppSecret secret, LoginCode code) {
        // URLEncoder emits only URI-safe characters, and the base URL was validated: URI.create cannot fail
        // (were it to, its message would quote the secret).
        return URI.create(endpoint
                + "?appid=" + urlEncoded(appId.value())
                + "&secret=" + urlEncoded(secret.value())
                + "&js_code=" + urlEncoded(code.value())
                + "&grant_type=authorization_code");
    }

    private static String urlEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Code2SessionAnswer call(URI uri, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(request, CappedBody.atMost(MAX_ANSWER_BYTES));
        try {
            // One deadline for headers and body alike: HttpRequest.timeout() stops counting once headers arrive.
            HttpResponse<byte[]> answered = response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return Code2SessionResponses.read(answered.statusCode(), answered.body());
        } catch (TimeoutException timedOut) {
            response.cancel(true);
            return new Unanswered("no complete answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException failed) {
            return failureOf(failed.getCause());
        } catch (InterruptedException interrupted) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw Code2SessionFailures.interrupted();
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw Code2SessionFailures.interrupted();
        }
    }

    /** Names the exception's class only: messages from the HTTP stack might quote the URL. */
    private static Code2SessionAnswer failureOf(Throwable cause) {
        if (cause instanceof CappedBody.TooLarge tooLarge) {
            return new Unreadable(tooLarge.getMessage());
        }
        String failure = cause.getClass().getSimpleName();
        boolean beforeSending = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException;
        return beforeSending ? new NotSent(failure) : new Unanswered(failure);
    }

    private static DomainException domainErrorFor(Failure failure, AppId appId, AppSecret secret, LoginCode code) {
        return switch (failure) {
            case Refused refused -> {
                DomainException error = Code2SessionFailures.forErrcode(refused.errcode());
                if (error instanceof UpstreamFailure upstream) {
                    logRefusal(upstream.kind(), refused, appId, secret, code);
                }
                yield error;
            }
            case Unreadable unreadable -> Code2SessionFailures.unreadable();
            case NotSent notSent -> Code2SessionFailures.notSent();
            case Unanswered unanswered -> Code2SessionFailures.unanswered();
        };
    }

    /** The refusals an operator must act on, or at least know about; the others are the user's affair. */
    private static void logRefusal(UpstreamFailure.Kind kind, Refused refused, AppId appId, AppSecret secret,
                                   LoginCode code) {
        switch (kind) {
            case MISCONFIGURED -> LOG.error("WeChat refused the credentials configured for AppID {} with errcode {} ({}): "
                            + "check this server's AppID/AppSecret configuration and WeChat's IP whitelist",
                    appId, refused.errcode(), loggable(refused.errmsg(), secret, code));
            case REFUSED -> LOG.warn("WeChat refused a code2Session call for AppID {} with errcode {}, unknown to "
                            + "this server ({}): the login failed, and the user must call wx.login() again",
                    appId, refused.errcode(), loggable(refused.errmsg(), secret, code));
            default -> { }
        }
    }

    /**
     * WeChat's errmsg helps operators (its rid, the IP to whitelist), but it comes from the network: keep it
     * to one short line, and should it ever echo the secret or the code, blank them out.
     */
    private static String loggable(String errmsg, AppSecret secret, LoginCode code) {
        String oneLine = errmsg.replace(secret.value(), "[redacted]").replace(code.value(), "[redacted]")
                .replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() <= MAX_ERRMSG_LOGGED ? oneLine : oneLine.substring(0, MAX_ERRMSG_LOGGED) + "...";
    }
}

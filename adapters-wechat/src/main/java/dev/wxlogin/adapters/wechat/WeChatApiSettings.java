package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.MiniProgram;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link WeChatApiLoginCodeAdapter} reaches WeChat (or the sandbox) and which mini programs it speaks for.
 * The timeouts, retries, breaker and bulkhead hold for every WeChat API alike; each API gets a breaker and a
 * bulkhead of its own.
 *
 * @param baseUrl        {@link #WECHAT_BASE_URL} in production, the sandbox's {@code baseUrl()} otherwise
 * @param miniPrograms   the AppID/AppSecret pairs, one per AppID
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long one attempt may take in all, from connecting to the last byte of the answer
 * @param totalTimeout   how long one exchange may take in all, retries and their waits included: each attempt
 *                       gets at most what is left of it, and a retry is made only if, after its wait, at least
 *                       {@code connectTimeout} is left
 * @param retry          when and how often a failed call is tried again
 * @param breaker        when to stop calling a WeChat API for a while because it looks down
 * @param bulkhead       how many calls of one API may wait on WeChat at once
 */
public record WeChatApiSettings(
        URI baseUrl, List<MiniProgram> miniPrograms, Duration connectTimeout, Duration requestTimeout,
        Duration totalTimeout, Retry retry, Breaker breaker, Bulkhead bulkhead) {

    public static final URI WECHAT_BASE_URL = URI.create("https://api.weixin.qq.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** A whole login within 5 s, however many slow "busy" answers and waits it takes. */
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(5);
    /** 127.0.0.0/8 as URI leaves it: a host that is a dotted quad, its octets checked already. */
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    public WeChatApiSettings {
        baseUrlProblem(baseUrl).ifPresent(problem -> {
            throw new IllegalArgumentException("the base URL " + problem);
        });
        miniPrograms = List.copyOf(miniPrograms);
        requireDistinctAppIds(miniPrograms);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        // May be shorter than requestTimeout: it then caps the single attempt.
        requirePositive(totalTimeout, "totalTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(bulkhead, "bulkhead");
    }

    /** The defaults: 1 s to connect, 3 s to answer, 5 s in all, and each nested record's {@code DEFAULT}. */
    public static WeChatApiSettings of(URI baseUrl, List<MiniProgram> miniPrograms) {
        return new WeChatApiSettings(baseUrl, miniPrograms, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_TOTAL_TIMEOUT, Retry.DEFAULT, Breaker.DEFAULT, Bulkhead.DEFAULT);
    }

    /**
     * Retries of WeChat's "system busy" (-1) and of connections that failed before the request was sent, the
     * only failures after which the single-use code is known to be unconsumed. Waits are exponential with full
     * jitter: before retry n, a random time between 0 and {@code min(maxDelay, baseDelay * 2^(n-1))}. Retries and
     * their waits must also fit into {@code totalTimeout}.
     *
     * @param maxRetries 0 to 2: WeChat's code expires in minutes and the user is waiting
     */
    public record Retry(int maxRetries, Duration baseDelay, Duration maxDelay) {
        public static final int MAX_RETRIES = 2;
        public static final Retry DEFAULT = new Retry(MAX_RETRIES, Duration.ofMillis(200), Duration.ofSeconds(1));

        public Retry {
            if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
                throw new IllegalArgumentException("maxRetries must be 0 to " + MAX_RETRIES);
            }
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("retry delays must satisfy 0 <= baseDelay <= maxDelay");
            }
        }
    }

    /**
     * A circuit breaker over whole exchanges, retries included: while WeChat looks down, exchanges fail at once
     * instead of each waiting out its timeouts. An exchange counts as failed when WeChat could not be reached,
     * did not answer, answered garbage or stayed busy; as slow when it took longer than the threshold. Answers
     * about the user's code, quota or our own credentials count as successes: they show WeChat at work.
     *
     * @param window              the time-based sliding window the rates are taken over, in whole seconds
     * @param minimumCalls        the exchanges the window must hold before the rates count
     * @param failureRatePercent  the failure rate that opens the breaker
     * @param slowCallThreshold   from how long an exchange counts as slow
     * @param slowCallRatePercent the rate of slow exchanges that opens the breaker
     * @param openFor             how long an open breaker fails exchanges before letting probes through (half-open)
     * @param halfOpenCalls       the probes; once they are back, their rates close the breaker or open it again
     */
    public record Breaker(Duration window, int minimumCalls, float failureRatePercent, Duration slowCallThreshold,
                          float slowCallRatePercent, Duration openFor, int halfOpenCalls) {
        public static final Duration MAX_WINDOW = Duration.ofHours(1);
        public static final Breaker DEFAULT = new Breaker(Duration.ofSeconds(30), 20, 50, Duration.ofSeconds(2), 50,
                Duration.ofSeconds(30), 5);

        public Breaker {
            Objects.requireNonNull(window, "window");
            // Resilience4j keeps one bucket per second of a time-based window.
            if (window.toSeconds() < 1 || window.toNanosPart() != 0 || window.compareTo(MAX_WINDOW) > 0) {
                throw new IllegalArgumentException(
                        "window must be whole seconds, from 1 s to " + MAX_WINDOW.toSeconds() + " s");
            }
            requireAtLeastOne(minimumCalls, "minimumCalls");
            requirePercentage(failureRatePercent, "failureRatePercent");
            requirePositive(slowCallThreshold, "slowCallThreshold");
            requirePercentage(slowCallRatePercent, "slowCallRatePercent");
            Objects.requireNonNull(openFor, "openFor");
            if (openFor.toMillis() < 1) {
                throw new IllegalArgumentException("openFor must be at least 1 ms");
            }
            requireAtLeastOne(halfOpenCalls, "halfOpenCalls");
        }

        private static void requirePercentage(float percent, String name) {
            if (!(percent > 0 && percent <= 100)) {
                throw new IllegalArgumentException(name + " must be above 0 and at most 100");
            }
        }
    }

    /**
     * A cap on the calls of one WeChat API under way at once; any more fail at once as busy rather than queue, so
     * that a WeChat gone slow cannot pile up connections and memory without bound. Sized so that ordinary load
     * never reaches it: calls wait on virtual threads, so the bound is about memory and WeChat's quotas, not
     * threads. The default, 1000, holds the default global login rate (500 a second) for as long as WeChat's
     * answers stay under the breaker's slow-call threshold (2 s); each call in flight holds a virtual thread, a
     * connection and an answer of at most 64 KiB (a few hundred bytes in practice).
     */
    public record Bulkhead(int maxConcurrentCalls) {
        public static final Bulkhead DEFAULT = new Bulkhead(1000);

        public Bulkhead {
            requireAtLeastOne(maxConcurrentCalls, "maxConcurrentCalls");
        }
    }

    /**
     * Why {@code baseUrl} cannot be where WeChat is, if it cannot: for a caller that names its own setting in the
     * refusal. Plain http is allowed only to this machine (the sandbox, a test fake, a local forwarding proxy):
     * the AppSecret travels in the query string, and WeChat itself requires https.
     */
    public static Optional<String> baseUrlProblem(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        boolean http = "http".equalsIgnoreCase(baseUrl.getScheme());
        // Query strings are built by appending to this URL: anything but scheme, host, port and path would garble them.
        if (!(http || "https".equalsIgnoreCase(baseUrl.getScheme())) || baseUrl.getHost() == null
                || baseUrl.getRawUserInfo() != null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            return Optional.of("must be an http(s) URL with a host and no user info, query or fragment");
        }
        if (http && !isLoopback(baseUrl.getHost())) {
            return Optional.of("must be https unless it points at this machine (127.0.0.0/8, ::1 or localhost):"
                    + " the AppSecret travels in its query string");
        }
        return Optional.empty();
    }

    /** Judged on the URL's text alone: a name other than localhost is never resolved, as DNS may answer otherwise later. */
    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (LOOPBACK_IPV4.matcher(host).matches()) {
            return true;
        }
        if (host.startsWith("[")) { // an IPv6 literal: InetAddress parses it without a lookup
            try {
                return InetAddress.getByName(host).isLoopbackAddress();
            } catch (UnknownHostException malformed) {
                return false;
            }
        }
        return false;
    }

    private static void requireDistinctAppIds(List<MiniProgram> miniPrograms) {
        Set<AppId> seen = new HashSet<>();
        for (MiniProgram miniProgram : miniPrograms) {
            if (!seen.add(miniProgram.appId())) {
                throw new IllegalArgumentException("AppID " + miniProgram.appId() + " is configured more than once");
            }
        }
    }

    private static void requireAtLeastOne(int count, String name) {
        if (count < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

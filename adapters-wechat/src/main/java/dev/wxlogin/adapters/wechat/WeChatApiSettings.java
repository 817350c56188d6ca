package dev.wxlogin.adapters.wechat;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.MiniProgram;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link WeChatApiLoginCodeAdapter} reaches WeChat (or the sandbox) and which mini programs it speaks for.
 *
 * @param baseUrl        {@link #WECHAT_BASE_URL} in production, the sandbox's {@code baseUrl()} otherwise
 * @param miniPrograms   the AppID/AppSecret pairs, one per AppID
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for a complete answer once connected
 * @param retry          when and how often a failed call is tried again
 */
public record WeChatApiSettings(
        URI baseUrl, List<MiniProgram> miniPrograms, Duration connectTimeout, Duration requestTimeout, Retry retry) {

    public static final URI WECHAT_BASE_URL = URI.create("https://api.weixin.qq.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(3);

    public WeChatApiSettings {
        requireUsableBaseUrl(baseUrl);
        miniPrograms = List.copyOf(miniPrograms);
        requireDistinctAppIds(miniPrograms);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
    }

    /** The defaults: 1 s to connect, 3 s to answer, {@link Retry#DEFAULT}. */
    public static WeChatApiSettings of(URI baseUrl, List<MiniProgram> miniPrograms) {
        return new WeChatApiSettings(baseUrl, miniPrograms, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, Retry.DEFAULT);
    }

    /**
     * Retries of WeChat's "system busy" (-1) and of connections that failed before the request was sent, the
     * only failures after which the single-use code is known to be unconsumed. Waits are exponential with full
     * jitter: before retry n, a random time between 0 and {@code min(maxDelay, baseDelay * 2^(n-1))}.
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

    private static void requireUsableBaseUrl(URI baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        boolean http = "http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme());
        // Query strings are built by appending to this URL: anything but scheme, host, port and path would garble them.
        if (!http || baseUrl.getHost() == null || baseUrl.getRawUserInfo() != null
                || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL with a host and no user info, query or fragment");
        }
    }

    private static void requireDistinctAppIds(List<MiniProgram> miniPrograms) {
        Set<AppId> seen = new HashSet<>();
        for (MiniProgram miniProgram : miniPrograms) {
            if (!seen.add(miniProgram.appId())) {
                throw new IllegalArgumentException("AppID " + miniProgram.appId() + " is configured more than once");
            }
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}

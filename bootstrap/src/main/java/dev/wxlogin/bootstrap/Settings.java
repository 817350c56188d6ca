package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.rest.RateLimits;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.error.InvalidInput;
import dev.wxlogin.domain.session.DevicePolicy;
import dev.wxlogin.domain.session.SessionPolicy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the server can be told, with defaults that give a working local server: the WeChat
 * sandbox and an H2 file database under {@code ./data/}. Every key is documented in README.md.
 */
public record Settings(
        String host,
        int port,
        Optional<AppId> appId,
        Optional<AppSecret> appSecret,
        URI wechatUrl,
        boolean sandbox,
        SandboxOptions sandboxOptions,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        SessionPolicy sessionPolicy,
        Optional<String> dataKey,
        List<String> retiredDataKeys,
        List<String> trustedProxies,
        RateLimits rateLimits,
        Duration cleanupInterval,
        int cleanupBatchSize,
        String logLevel) {

    public static Settings load() {
        return from(ConfigurationSource.fromEnvironment());
    }

    static Settings from(ConfigurationSource config) {
        Optional<AppId> appId = config.text("WXLOGIN_APP_ID").map(value -> parse(() -> new AppId(value), "WXLOGIN_APP_ID"));
        Optional<AppSecret> appSecret = config.text("WXLOGIN_APP_SECRET").map(value -> parse(() -> new AppSecret(value), "WXLOGIN_APP_SECRET"));
        boolean sandbox = config.flag("WXLOGIN_SANDBOX", appId.isEmpty());
        if (!sandbox && (appId.isEmpty() || appSecret.isEmpty())) {
            throw new InvalidConfiguration("talking to WeChat needs both WXLOGIN_APP_ID and WXLOGIN_APP_SECRET"
                    + " (or leave WXLOGIN_APP_ID unset to use the built-in sandbox)");
        }
        if (appId.isPresent() != appSecret.isPresent()) {
            throw new InvalidConfiguration("WXLOGIN_APP_ID and WXLOGIN_APP_SECRET go together");
        }
        if (!sandbox && config.text("WXLOGIN_DATA_KEY").isEmpty()) {
            throw new InvalidConfiguration("WXLOGIN_DATA_KEY is required with a real AppID: it encrypts the users'"
                    + " session_keys at rest. Make one with `openssl rand -base64 32` and keep it in your secret store.");
        }
        Path dataDir = Path.of(config.text("WXLOGIN_DATA_DIR", "data"));
        return new Settings(
                config.text("WXLOGIN_HOST", "127.0.0.1"),
                config.integer("WXLOGIN_PORT", 8080, 0, 65535),
                appId,
                appSecret,
                uri(config.text("WXLOGIN_WECHAT_URL", "https://api.weixin.qq.com")),
                sandbox,
                sandboxOptions(config),
                dataDir,
                config.text("WXLOGIN_DB_URL", defaultDbUrl(dataDir)),
                config.text("WXLOGIN_DB_USER", ""),
                config.text("WXLOGIN_DB_PASSWORD", ""),
                config.integer("WXLOGIN_DB_POOL_SIZE", 10, 1, 200),
                sessionPolicy(config),
                config.text("WXLOGIN_DATA_KEY"),
                list(config.text("WXLOGIN_DATA_KEYS_RETIRED", "")),
                list(config.text("WXLOGIN_TRUSTED_PROXIES", "")),
                new RateLimits(
                        config.integer("WXLOGIN_RATE_LOGIN_PER_IP", (int) RateLimits.DEFAULT.perIpPerMinute(), 0, 1_000_000),
                        config.integer("WXLOGIN_RATE_LOGIN_GLOBAL", (int) RateLimits.DEFAULT.globalPerSecond(), 0, 1_000_000),
                        config.integer("WXLOGIN_RATE_API_PER_IP", (int) RateLimits.DEFAULT.apiPerIpPerMinute(), 0, 1_000_000),
                        config.integer("WXLOGIN_RATE_IPV6_PREFIX", RateLimits.DEFAULT.ipv6PrefixLength(), 32, 128)),
                config.duration("WXLOGIN_CLEANUP_INTERVAL", Duration.ofMinutes(1)),
                config.integer("WXLOGIN_CLEANUP_BATCH", 500, 1, 100_000),
                logLevel(config));
    }

    /** An H2 file database under the data directory, with the options that make its commits durable. */
    static String defaultDbUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("wxlogin") + Database.H2_FILE_URL_OPTIONS;
    }

    private static String logLevel(ConfigurationSource config) {
        String level = config.text("WXLOGIN_LOG_LEVEL", "INFO").toUpperCase(Locale.ROOT);
        if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR").contains(level)) {
            throw new InvalidConfiguration("WXLOGIN_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR");
        }
        return level;
    }

    /**
     * How the built-in sandbox behaves; the fault settings let a client's own CI rehearse WeChat outages.
     *
     * @param busyRate    share of code exchanges answered with -1 (system busy), 0..1
     * @param latency     added to every sandbox answer
     * @param riskyUsers  simulated users WeChat blocks (40226)
     * @param contentType what the sandbox answers JSON as (WeChat: text/plain)
     * @param faults      standing faults: {@code quota_exceeded} (45011), {@code hang}, {@code bad_gateway}
     */
    public record SandboxOptions(int port, double busyRate, Duration latency, Set<String> riskyUsers, String contentType,
                                 Set<String> faults) {
        static final Set<String> FAULTS = Set.of("quota_exceeded", "hang", "bad_gateway");
    }

    private static SandboxOptions sandboxOptions(ConfigurationSource config) {
        double busyRate;
        try {
            busyRate = Double.parseDouble(config.text("WXLOGIN_SANDBOX_BUSY_RATE", "0"));
        } catch (NumberFormatException e) {
            throw new InvalidConfiguration("WXLOGIN_SANDBOX_BUSY_RATE must be a number from 0 to 1");
        }
        if (!(busyRate >= 0 && busyRate <= 1)) {
            throw new InvalidConfiguration("WXLOGIN_SANDBOX_BUSY_RATE must be a number from 0 to 1");
        }
        return new SandboxOptions(
                config.integer("WXLOGIN_SANDBOX_PORT", 0, 0, 65535),
                busyRate,
                config.durationOrZero("WXLOGIN_SANDBOX_LATENCY"),
                Set.copyOf(list(config.text("WXLOGIN_SANDBOX_RISKY_USERS", "risky"))),
                config.text("WXLOGIN_SANDBOX_CONTENT_TYPE", "text/plain"),
                sandboxFaults(config));
    }

    private static Set<String> sandboxFaults(ConfigurationSource config) {
        Set<String> faults = Set.copyOf(list(config.text("WXLOGIN_SANDBOX_FAULTS", "").toLowerCase(Locale.ROOT)));
        if (!SandboxOptions.FAULTS.containsAll(faults)) {
            throw new InvalidConfiguration("WXLOGIN_SANDBOX_FAULTS may list quota_exceeded, hang and bad_gateway");
        }
        return faults;
    }

    private static SessionPolicy sessionPolicy(ConfigurationSource config) {
        DevicePolicy devices = switch (config.text("WXLOGIN_SESSION_POLICY", "multiple").toLowerCase(Locale.ROOT)) {
            case "multiple" -> DevicePolicy.MULTIPLE;
            case "single" -> DevicePolicy.SINGLE;
            default -> throw new InvalidConfiguration("WXLOGIN_SESSION_POLICY must be 'multiple' or 'single'");
        };
        try {
            return SessionPolicy.of(
                    config.duration("WXLOGIN_SESSION_IDLE", SessionPolicy.DEFAULT.idle()),
                    config.duration("WXLOGIN_SESSION_MAX", SessionPolicy.DEFAULT.max()),
                    devices,
                    config.integer("WXLOGIN_SESSION_MAX_PER_USER", SessionPolicy.DEFAULT.maxPerUser(), 1, 1000));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration("invalid session settings: " + e.getMessage());
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, String key) {
        try {
            return parser.get();
        } catch (InvalidInput e) {
            throw new InvalidConfiguration(key + ": " + e.getMessage());
        }
    }

    private static URI uri(String text) {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfiguration("WXLOGIN_WECHAT_URL must be an http(s) base URL");
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Without the data keys or the database password: a record would print them all. */
    @Override
    public String toString() {
        return "Settings[host=" + host + ", port=" + port + ", appId=" + appId.map(AppId::value).orElse("(sandbox)")
                + ", wechatUrl=" + wechatUrl + ", sandbox=" + sandbox + ", dataDir=" + dataDir
                + ", db=" + printableDbUrl() + ", sessionPolicy=" + sessionPolicy + ", secrets=[redacted]]";
    }

    /**
     * The database URL as it may be printed: without options or parameters, and without user information
     * before an {@code @} ({@code jdbc:mysql://user:pw@host/db}), where a password could be written.
     */
    public String printableDbUrl() {
        String url = dbUrl.split("[;?]", 2)[0];
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int scheme = url.indexOf(':', "jdbc:".length());
        return url.substring(0, scheme + 1) + "…@" + url.substring(at + 1);
    }
}

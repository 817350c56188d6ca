package dev.wxlogin.adapters.wechat.sandbox;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How the {@link WeChatSandbox} behaves. {@link #builder()} starts from the defaults, which mimic WeChat.
 *
 * @param port                     the loopback port to listen on; 0 picks a free one
 * @param apps                     the mini programs the sandbox knows, one per AppID
 * @param codeTtl                  how long a code stays exchangeable (WeChat: 5 minutes)
 * @param sessionKeyRotationPeriod the least time between two session_key rotations of a user; zero rotates on
 *                                 every exchange (WeChat rotates at its discretion and says no more)
 * @param riskyUsers               simulated users whose codes WeChat blocks with 40226
 * @param contentType              the Content-Type of JSON answers (WeChat: {@code text/plain}, no charset)
 * @param minuteQuotaPerOpenId     exchanges per user per clock minute before 45011 (WeChat: 100)
 * @param clock                    the time codes expire, quotas reset and session keys rotate by
 * @param openIdSeed               the key openids and unionids are derived from: the same seed gives the same
 *                                 ids across restarts
 * @param faults                   the misbehaviour to start with; the same object changes it at run time
 * @param accessTokenTtl           the life of an access_token (WeChat: 7200 s); shorter lets many pass in a test
 * @param accessTokenDailyQuota    access_token fetches per AppID per day, either API, before 45009 (WeChat: 2000
 *                                 for the classic API)
 */
public record SandboxSettings(
        int port,
        List<SandboxApp> apps,
        Duration codeTtl,
        Duration sessionKeyRotationPeriod,
        Set<String> riskyUsers,
        String contentType,
        int minuteQuotaPerOpenId,
        Clock clock,
        String openIdSeed,
        SandboxFaults faults,
        Duration accessTokenTtl,
        int accessTokenDailyQuota) {

    public static final SandboxApp DEFAULT_APP =
            new SandboxApp(new AppId("wxsandbox00000001"), new AppSecret("sandbox-app-secret"), true);
    public static final String TEXT_PLAIN = "text/plain";
    public static final String APPLICATION_JSON = "application/json";
    public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofSeconds(7200);
    /** WeChat's expires_in counts whole seconds; a token must outlive a refresh. */
    public static final Duration MIN_ACCESS_TOKEN_TTL = Duration.ofSeconds(4);

    public SandboxSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        apps = List.copyOf(apps);
        requireDistinctAppIds(apps);
        if (!codeTtl.isPositive()) {
            throw new IllegalArgumentException("codeTtl must be positive");
        }
        if (sessionKeyRotationPeriod.isNegative()) {
            throw new IllegalArgumentException("sessionKeyRotationPeriod must not be negative");
        }
        riskyUsers = Set.copyOf(riskyUsers);
        if (contentType.isBlank()) {
            throw new IllegalArgumentException("contentType must not be blank");
        }
        if (minuteQuotaPerOpenId < 1) {
            throw new IllegalArgumentException("minuteQuotaPerOpenId must be positive");
        }
        Objects.requireNonNull(clock, "clock");
        if (openIdSeed.isEmpty()) {
            throw new IllegalArgumentException("openIdSeed must not be empty");
        }
        Objects.requireNonNull(faults, "faults");
        if (accessTokenTtl.compareTo(MIN_ACCESS_TOKEN_TTL) < 0) {
            throw new IllegalArgumentException("accessTokenTtl must be at least " + MIN_ACCESS_TOKEN_TTL.toSeconds() + " s");
        }
        if (accessTokenDailyQuota < 1) {
            throw new IllegalArgumentException("accessTokenDailyQuota must be positive");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireDistinctAppIds(List<SandboxApp> apps) {
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("the sandbox needs at least one app");
        }
        Set<AppId> seen = new HashSet<>();
        for (SandboxApp app : apps) {
            if (!seen.add(app.appId())) {
                throw new IllegalArgumentException("AppID " + app.appId() + " is listed more than once");
            }
        }
    }

    /** Starts from WeChat-like defaults: one app ({@link #DEFAULT_APP}), 5-minute codes, quota 100, text/plain. */
    public static final class Builder {
        private int port = 0;
        private List<SandboxApp> apps = List.of(DEFAULT_APP);
        private Duration codeTtl = Duration.ofMinutes(5);
        private Duration sessionKeyRotationPeriod = Duration.ZERO;
        private Set<String> riskyUsers = Set.of("risky");
        private String contentType = TEXT_PLAIN;
        private int minuteQuotaPerOpenId = 100;
        private Clock clock = Clock.systemUTC();
        private String openIdSeed = "wxlogin-sandbox";
        private SandboxFaults faults = new SandboxFaults();
        private Duration accessTokenTtl = DEFAULT_ACCESS_TOKEN_TTL;
        private int accessTokenDailyQuota = 2000;

        private Builder() {}

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder apps(List<SandboxApp> apps) {
            this.apps = apps;
            return this;
        }

        public Builder codeTtl(Duration codeTtl) {
            this.codeTtl = codeTtl;
            return this;
        }

        public Builder sessionKeyRotationPeriod(Duration period) {
            this.sessionKeyRotationPeriod = period;
            return this;
        }

        public Builder riskyUsers(Set<String> riskyUsers) {
            this.riskyUsers = riskyUsers;
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = contentType;
            return this;
        }

        public Builder minuteQuotaPerOpenId(int quota) {
            this.minuteQuotaPerOpenId = quota;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder openIdSeed(String seed) {
            this.openIdSeed = seed;
            return this;
        }

        public Builder faults(SandboxFaults faults) {
            this.faults = faults;
            return this;
        }

        public Builder accessTokenTtl(Duration ttl) {
            this.accessTokenTtl = ttl;
            return this;
        }

        public Builder accessTokenDailyQuota(int quota) {
            this.accessTokenDailyQuota = quota;
            return this;
        }

        public SandboxSettings build() {
            return new SandboxSettings(port, apps, codeTtl, sessionKeyRotationPeriod, riskyUsers, contentType,
                    minuteQuotaPerOpenId, clock, openIdSeed, faults, accessTokenTtl, accessTokenDailyQuota);
        }
    }
}

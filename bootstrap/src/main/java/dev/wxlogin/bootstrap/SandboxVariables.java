package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxFaults;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.domain.app.MiniProgram;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in sandbox's variables. The fault settings let a client's own CI rehearse WeChat outages; the faults
 * object is the live one of the sandbox that these settings start.
 */
final class SandboxVariables {
    private static final Set<String> STANDING_FAULTS = Set.of("quota_exceeded", "hang", "bad_gateway");

    private SandboxVariables() {}

    /** {@code app}: the configured mini program, which the sandbox then plays; else the sandbox's own. */
    static SandboxSettings from(ConfigurationSource config, Optional<MiniProgram> app) {
        return builder(config, app).build();
    }

    /** The same, still open for a caller that decides one setting itself (the standalone sandbox's port). */
    static SandboxSettings.Builder builder(ConfigurationSource config, Optional<MiniProgram> app) {
        Set<String> faults = Set.copyOf(config.list("WXLOGIN_SANDBOX_FAULTS", List.of()).stream()
                .map(fault -> fault.toLowerCase(Locale.ROOT)).toList());
        if (!STANDING_FAULTS.containsAll(faults)) {
            throw new InvalidConfiguration("WXLOGIN_SANDBOX_FAULTS may list quota_exceeded, hang and bad_gateway");
        }
        double busyRate = busyRate(config);
        SandboxFaults standing = ConfigurationSource.checked("WXLOGIN_SANDBOX_BUSY_RATE",
                        () -> new SandboxFaults().busyRate(busyRate))
                .latency(config.durationOrZero("WXLOGIN_SANDBOX_LATENCY"))
                .quotaExceeded(faults.contains("quota_exceeded"))
                .hang(faults.contains("hang"))
                .badGateway(faults.contains("bad_gateway"));
        return SandboxSettings.builder()
                .port(config.integer("WXLOGIN_SANDBOX_PORT", 0, 0, 65535))
                .apps(List.of(app.map(program -> new SandboxApp(program.appId(), program.secret(), true))
                        .orElse(SandboxSettings.DEFAULT_APP)))
                .riskyUsers(Set.copyOf(config.list("WXLOGIN_SANDBOX_RISKY_USERS", List.of("risky"))))
                .contentType(config.text("WXLOGIN_SANDBOX_CONTENT_TYPE", SandboxSettings.TEXT_PLAIN))
                .faults(standing)
                .accessTokenTtl(accessTokenTtl(config))
                .accessTokenDailyQuota(config.integer("WXLOGIN_SANDBOX_TOKEN_DAILY_QUOTA", 2000, 1, 100_000_000));
    }

    /** Short lives let several pass in a test: the refresh window and the overlap scale down with it. */
    private static Duration accessTokenTtl(ConfigurationSource config) {
        Duration ttl = config.duration("WXLOGIN_SANDBOX_TOKEN_TTL", SandboxSettings.DEFAULT_ACCESS_TOKEN_TTL);
        if (ttl.compareTo(SandboxSettings.MIN_ACCESS_TOKEN_TTL) < 0) {
            throw new InvalidConfiguration("WXLOGIN_SANDBOX_TOKEN_TTL must be at least PT"
                    + SandboxSettings.MIN_ACCESS_TOKEN_TTL.toSeconds() + "S");
        }
        return ttl;
    }

    private static double busyRate(ConfigurationSource config) {
        try {
            return Double.parseDouble(config.text("WXLOGIN_SANDBOX_BUSY_RATE", "0"));
        } catch (NumberFormatException e) {
            throw new InvalidConfiguration("WXLOGIN_SANDBOX_BUSY_RATE must be a number from 0 to 1");
        }
    }
}

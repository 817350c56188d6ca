package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.wechat.sandbox.SandboxApp;
import dev.wxlogin.adapters.wechat.sandbox.SandboxFaults;
import dev.wxlogin.adapters.wechat.sandbox.SandboxSettings;
import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.MiniProgram;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The built-in sandbox's variables. The fault settings let a client's own CI rehearse WeChat outages; the faults
 * object is the live one of the sandbox that these settings start.
 */
final class SandboxVariables {
    private static final Set<String> STANDING_FAULTS = Set.of("quota_exceeded", "hang", "bad_gateway");
    private static final String APPS_KEY = "WXLOGIN_SANDBOX_APPS";
    private static final String NOT_BOUND = "no-unionid";

    private SandboxVariables() {}

    /** {@code apps}: the configured mini programs, which the sandbox then plays; none: see {@link #ownApps}. */
    static SandboxSettings from(ConfigurationSource config, List<MiniProgram> apps) {
        return builder(config, apps).build();
    }

    /** The same, still open for a caller that decides one setting itself (the standalone sandbox's port). */
    static SandboxSettings.Builder builder(ConfigurationSource config, List<MiniProgram> apps) {
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
                .apps(apps.isEmpty() ? ownApps(config) : played(config, apps))
                .riskyUsers(Set.copyOf(config.list("WXLOGIN_SANDBOX_RISKY_USERS", List.of("risky"))))
                .contentType(config.text("WXLOGIN_SANDBOX_CONTENT_TYPE", SandboxSettings.TEXT_PLAIN))
                .faults(standing)
                .accessTokenTtl(accessTokenTtl(config))
                .accessTokenDailyQuota(config.integer("WXLOGIN_SANDBOX_TOKEN_DAILY_QUOTA", 2000, 1, 100_000_000));
    }

    /** Configured mini programs are played bound to the Open Platform, so their users get a unionid. */
    private static List<SandboxApp> played(ConfigurationSource config, List<MiniProgram> apps) {
        if (config.isSet(APPS_KEY)) {
            throw new InvalidConfiguration(APPS_KEY + " names the sandbox's own mini programs, but WXLOGIN_APP_ID or"
                    + " WXLOGIN_APPS already names those it plays: use one or the other");
        }
        return apps.stream().map(app -> new SandboxApp(app.appId(), app.secret(), true)).toList();
    }

    /**
     * {@code WXLOGIN_SANDBOX_APPS=wxshop…,wxcard…,wxstaff…:no-unionid}: the sandbox's own mini programs, each bound to
     * its one Open Platform account (a user has the same unionid in all of them) unless marked {@code :no-unionid}.
     * They share the default app's AppSecret. Unset: the default app alone.
     */
    private static List<SandboxApp> ownApps(ConfigurationSource config) {
        if (config.text(APPS_KEY).isEmpty()) {
            return List.of(SandboxSettings.DEFAULT_APP);
        }
        List<SandboxApp> apps = config.list(APPS_KEY, List.of()).stream().map(SandboxVariables::ownApp).toList();
        if (apps.isEmpty()) {
            throw new InvalidConfiguration(APPS_KEY + " must list at least one AppID");
        }
        Set<AppId> seen = new HashSet<>();
        apps.stream().map(SandboxApp::appId).filter(id -> !seen.add(id)).findFirst().ifPresent(twice -> {
            throw new InvalidConfiguration(APPS_KEY + " lists " + twice + " more than once");
        });
        return apps;
    }

    private static SandboxApp ownApp(String entry) {
        String[] parts = entry.split(":", -1);
        if (parts.length > 2 || parts.length == 2 && !parts[1].equals(NOT_BOUND)) {
            throw new InvalidConfiguration(APPS_KEY + " takes AppIDs, each optionally followed by :" + NOT_BOUND);
        }
        AppId id = ConfigurationSource.checked(APPS_KEY, () -> new AppId(parts[0].trim()));
        return new SandboxApp(id, SandboxSettings.DEFAULT_APP.secret(), parts.length == 1);
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

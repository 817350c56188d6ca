package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.rest.RateLimits;
import dev.wxlogin.adapters.rest.RequestAdmission;
import dev.wxlogin.adapters.rest.RestSettings;
import dev.wxlogin.domain.app.AppId;

import java.util.List;

/**
 * The HTTP API's variables: where it listens, which proxies it believes, how many logins it lets through, how many
 * requests it works on at once.
 */
final class RestVariables {
    private RestVariables() {}

    /** {@code apps}: the mini programs a login may name, which the WeChat settings decide. */
    static RestSettings from(ConfigurationSource config, List<AppId> apps) {
        // RestSettings checks the proxies (IP literals and CIDR blocks) itself.
        return ConfigurationSource.checked("WXLOGIN_TRUSTED_PROXIES", () -> new RestSettings(
                config.text("WXLOGIN_HOST", "127.0.0.1"),
                config.integer("WXLOGIN_PORT", 8080, 0, 65535),
                apps,
                RestSettings.DEFAULT_MAX_BODY_BYTES,
                config.list("WXLOGIN_TRUSTED_PROXIES", List.of()),
                RestSettings.DEFAULT_MAX_REQUEST_HEADER_BYTES,
                RestSettings.DEFAULT_IDLE_TIMEOUT,
                RestSettings.DEFAULT_STOP_TIMEOUT,
                new RateLimits(
                        config.integer("WXLOGIN_RATE_LOGIN_PER_IP", (int) RateLimits.DEFAULT.perIpPerMinute(), 0, 1_000_000),
                        config.integer("WXLOGIN_RATE_LOGIN_GLOBAL", (int) RateLimits.DEFAULT.globalPerSecond(), 0, 1_000_000),
                        config.integer("WXLOGIN_RATE_API_PER_IP", (int) RateLimits.DEFAULT.apiPerIpPerMinute(), 0, 1_000_000),
                        config.integer("WXLOGIN_RATE_IPV6_PREFIX", RateLimits.DEFAULT.ipv6PrefixLength(), 32, 128)),
                new RequestAdmission(
                        config.integer("WXLOGIN_MAX_ACTIVE_REQUESTS", RequestAdmission.DEFAULT.maxActive(), 1, 100_000),
                        config.integer("WXLOGIN_MAX_WAITING_REQUESTS", RequestAdmission.DEFAULT.maxWaiting(), 0, 1_000_000),
                        config.duration("WXLOGIN_MAX_REQUEST_WAIT", RequestAdmission.DEFAULT.maxWait()))));
    }
}

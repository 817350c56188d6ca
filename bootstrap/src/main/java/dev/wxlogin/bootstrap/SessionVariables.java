package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.session.DevicePolicy;
import dev.wxlogin.domain.session.SessionPolicy;

import java.util.Locale;

/** The session variables: timeouts and the device policy, which the domain's {@link SessionPolicy} checks. */
final class SessionVariables {
    private SessionVariables() {}

    static SessionPolicy from(ConfigurationSource config) {
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
}

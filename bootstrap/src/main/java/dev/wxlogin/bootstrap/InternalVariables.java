package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.rest.InternalSettings;
import dev.wxlogin.domain.app.AppId;

import java.util.List;
import java.util.Optional;

/** The internal API's variables: whether it runs at all (only with keys), where it listens. */
final class InternalVariables {
    static final String KEYS = "WXLOGIN_INTERNAL_API_KEYS";

    private InternalVariables() {}

    /** Empty without WXLOGIN_INTERNAL_API_KEYS: no keys, no internal listener. */
    static Optional<InternalSettings> from(ConfigurationSource config, List<AppId> apps) {
        if (config.text(KEYS).isEmpty()) { // also refuses a set but blank value: a secret store failed to fill it
            return Optional.empty();
        }
        String host = config.text("WXLOGIN_INTERNAL_HOST", "127.0.0.1");
        int port = config.integer("WXLOGIN_INTERNAL_PORT", 8081, 0, 65535);
        // InternalSettings checks the keys' length without echoing any: the refusal names the variable only.
        return Optional.of(ConfigurationSource.checked(KEYS,
                () -> new InternalSettings(host, port, config.list(KEYS, List.of()), apps)));
    }
}

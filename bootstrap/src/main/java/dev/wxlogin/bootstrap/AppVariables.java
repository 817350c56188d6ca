package dev.wxlogin.bootstrap;

import dev.wxlogin.domain.app.AppId;
import dev.wxlogin.domain.app.AppSecret;
import dev.wxlogin.domain.app.MiniProgram;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The mini programs the server logs users into, in one of two styles: {@code WXLOGIN_APP_ID} with
 * {@code WXLOGIN_APP_SECRET} for one, or {@code WXLOGIN_APPS=wxaaa…,wxbbb…} with a {@code WXLOGIN_APP_SECRET_<AppID>}
 * for each. None at all is the sandbox's default. Every refusal names a variable, never a value.
 */
final class AppVariables {
    static final String LIST_KEY = "WXLOGIN_APPS";
    static final String SECRET_PREFIX = "WXLOGIN_APP_SECRET_";

    private AppVariables() {}

    static List<MiniProgram> from(ConfigurationSource config) {
        List<MiniProgram> apps = config.text(LIST_KEY).isPresent() ? listed(config) : single(config);
        Set<String> secretKeys = new HashSet<>(apps.stream().map(app -> secretKey(app.appId())).toList());
        config.keysStartingWith(SECRET_PREFIX).stream().filter(key -> !secretKeys.contains(key)).sorted().findFirst()
                .ifPresent(stray -> {
                    throw new InvalidConfiguration(stray + " names no AppID of " + LIST_KEY
                            + ": list the AppID there, or remove the secret");
                });
        return apps;
    }

    private static List<MiniProgram> single(ConfigurationSource config) {
        Optional<AppId> appId = config.parsed("WXLOGIN_APP_ID", AppId::new);
        Optional<AppSecret> secret = config.parsed("WXLOGIN_APP_SECRET", AppSecret::new);
        if (appId.isPresent() != secret.isPresent()) {
            throw new InvalidConfiguration("WXLOGIN_APP_ID and WXLOGIN_APP_SECRET go together");
        }
        return appId.map(id -> new MiniProgram(id, secret.orElseThrow())).stream().toList();
    }

    private static List<MiniProgram> listed(ConfigurationSource config) {
        if (config.isSet("WXLOGIN_APP_ID") || config.isSet("WXLOGIN_APP_SECRET")) {
            throw new InvalidConfiguration(LIST_KEY + " and WXLOGIN_APP_ID/WXLOGIN_APP_SECRET are two ways of naming"
                    + " the mini programs: use one of them");
        }
        List<AppId> ids = config.list(LIST_KEY, List.of()).stream()
                .map(entry -> ConfigurationSource.checked(LIST_KEY, () -> new AppId(entry))).toList();
        if (ids.isEmpty()) {
            throw new InvalidConfiguration(LIST_KEY + " must list at least one AppID");
        }
        Set<AppId> seen = new HashSet<>();
        ids.stream().filter(id -> !seen.add(id)).findFirst().ifPresent(twice -> {
            throw new InvalidConfiguration(LIST_KEY + " lists " + twice + " more than once");
        });
        return ids.stream().map(id -> new MiniProgram(id, secret(config, id))).toList();
    }

    private static AppSecret secret(ConfigurationSource config, AppId id) {
        String key = secretKey(id);
        return config.parsed(key, AppSecret::new).orElseThrow(() -> new InvalidConfiguration(
                key + " is not set: every AppID of " + LIST_KEY + " needs its AppSecret"));
    }

    private static String secretKey(AppId id) {
        return SECRET_PREFIX + id.value();
    }
}

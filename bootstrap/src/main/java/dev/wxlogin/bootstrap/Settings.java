package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.DatabaseSettings;
import dev.wxlogin.adapters.rest.InternalSettings;
import dev.wxlogin.adapters.rest.RestSettings;
import dev.wxlogin.domain.opendata.OpenDataPolicy;
import dev.wxlogin.domain.session.SessionPolicy;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the server can be told, one record per area, each read from its WXLOGIN_* variables next to the
 * code that uses it (docs/architecture.md lists where), plus the rules that span areas. The defaults give a
 * working local server: the WeChat sandbox on loopback and an H2 file database under {@code ./data/}. Every
 * variable is documented in README.md. One Settings is for one server: the sandbox's faults in it are live.
 *
 * @param dataDir  WXLOGIN_DATA_DIR: the embedded database's and the sandbox data key's directory
 * @param internal the internal API for other servers and operators; empty (not started) without its keys
 */
public record Settings(
        RestSettings rest,
        WeChatSettings wechat,
        Path dataDir,
        DatabaseSettings database,
        DataKeySettings dataKeys,
        SessionPolicy sessions,
        CleanupSettings cleanup,
        PasswordSettings passwords,
        String logLevel,
        OpenDataPolicy openData,
        Optional<InternalSettings> internal) {

    public static Settings load() {
        return from(ConfigurationSource.fromEnvironment());
    }

    static Settings from(ConfigurationSource config) {
        WeChatSettings wechat = WeChatSettings.from(config);
        RestSettings rest = RestVariables.from(config, wechat.apps());
        Path dataDir = DataDirectory.from(config);
        Settings settings = new Settings(rest, wechat, dataDir, DatabaseVariables.from(config, dataDir),
                DataKeySettings.from(config), SessionVariables.from(config), CleanupSettings.from(config),
                PasswordSettings.from(config), LogLevels.from(config), openData(config), InternalVariables.from(config, wechat.apps()));
        settings.requireSandboxOnlyWhereIntended();
        settings.requireDataKeyForWeChat();
        return settings;
    }

    /** WXLOGIN_OPEN_DATA_MAX_AGE: how old open data's watermark may be (see docs/open-data.md). */
    private static OpenDataPolicy openData(ConfigurationSource config) {
        return new OpenDataPolicy(config.duration("WXLOGIN_OPEN_DATA_MAX_AGE", OpenDataPolicy.DEFAULT.maxAge()));
    }

    /**
     * Without an AppID the sandbox is on, and its /sandbox/code logs anyone in as anyone: that is only the
     * default on a loopback host. (An AppID that did not arrive from the secret store is refused as empty.)
     */
    private void requireSandboxOnlyWhereIntended() {
        if (wechat.sandbox().isPresent() && !wechat.sandboxAskedFor() && !LoopbackHosts.isLoopback(rest.host())) {
            throw new InvalidConfiguration("WXLOGIN_HOST=" + rest.host() + " is reachable from other machines, and"
                    + " without WXLOGIN_APP_ID the built-in WeChat sandbox would serve /sandbox/code there. Set"
                    + " WXLOGIN_APP_ID, WXLOGIN_APP_SECRET and WXLOGIN_DATA_KEY to use WeChat, or WXLOGIN_SANDBOX=true"
                    + " to run the sandbox on this host on purpose.");
        }
    }

    private void requireDataKeyForWeChat() {
        if (wechat.sandbox().isEmpty() && dataKeys.current().isEmpty()) {
            throw new InvalidConfiguration("WXLOGIN_DATA_KEY is required with a real AppID: it encrypts the users'"
                    + " session_keys at rest. Make one with `openssl rand -base64 32` and keep it in your secret store.");
        }
    }

    /** The sandbox runs in place of WeChat. */
    boolean sandbox() {
        return wechat.sandbox().isPresent();
    }

    /** The database is the embedded one in the data directory (WXLOGIN_DB_URL unset), whose files must stay private. */
    boolean databaseInDataDir() {
        return database.jdbcUrl().equals(Database.h2FileUrl(dataDir));
    }
}

package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.Database;
import dev.wxlogin.adapters.persistence.DatabaseSettings;

import java.nio.file.Path;

/** The database's variables: a JDBC URL, by default the embedded H2 database in the data directory. */
final class DatabaseVariables {
    private DatabaseVariables() {}

    static DatabaseSettings from(ConfigurationSource config, Path dataDir) {
        return new DatabaseSettings(
                config.text("WXLOGIN_DB_URL").orElseGet(() -> Database.h2FileUrl(dataDir)),
                config.textOrEmpty("WXLOGIN_DB_USER"),
                config.textOrEmpty("WXLOGIN_DB_PASSWORD"),
                config.integer("WXLOGIN_DB_POOL_SIZE", 10, 1, 200));
    }
}

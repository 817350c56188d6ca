package dev.wxlogin.adapters.persistence.testing;

import dev.wxlogin.adapters.persistence.DatabaseSettings;

/** One empty database on a test server, as an operator would configure wxlogin for it. */
public record TestDatabase(Engine engine, String url, String user, String password) {
    public DatabaseSettings settings(int maxPoolSize) {
        return new DatabaseSettings(url, user, password, maxPoolSize);
    }
}

package dev.wxlogin.adapters.persistence;

import java.util.Objects;

/**
 * Where the database is and how many connections to keep open to it.
 *
 * @param user     may be null when the URL or the driver supplies it
 * @param password may be null; never printed
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the connection pool needs at least 1 connection");
        }
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=[redacted], maxPoolSize="
                + maxPoolSize + "]";
    }
}

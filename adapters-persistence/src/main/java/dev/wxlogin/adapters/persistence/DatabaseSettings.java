package dev.wxlogin.adapters.persistence;

import java.util.Objects;

/**
 * Where the database is and how many connections to keep open to it.
 *
 * @param jdbcUrl  printed only as {@link #printableUrl()}: options and user information may hold a password
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

    /**
     * The URL as it may be printed: without options or parameters, and without user information before an
     * {@code @} ({@code jdbc:mysql://user:pw@host/db}), where a password could be written.
     */
    public String printableUrl() {
        String url = jdbcUrl.split("[;?]", 2)[0];
        int at = url.lastIndexOf('@');
        if (at < 0) {
            return url;
        }
        int scheme = url.indexOf(':', "jdbc:".length());
        return url.substring(0, scheme + 1) + "…@" + url.substring(at + 1);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + printableUrl() + ", user=" + user + ", password=[redacted], maxPoolSize="
                + maxPoolSize + "]";
    }
}

package dev.wxlogin.adapters.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where Flyway finds the migrations for a database: the portable ones in {@code db/migration}, then those of its
 * family in {@code db/vendor/<family>}, where portable SQL cannot do (for example exact text comparison on
 * MySQL and MariaDB). Versions are numbered across both folders.
 */
final class Migrations {
    private static final String PORTABLE = "db/migration";
    private static final String VENDOR = "db/vendor/";

    private Migrations() {}

    static String[] locations(DataSource dataSource) {
        Optional<String> vendor = family(productName(dataSource))
                .map(family -> VENDOR + family)
                .filter(folder -> Migrations.class.getClassLoader().getResource(folder) != null);
        return vendor.map(folder -> new String[] {"classpath:" + PORTABLE, "classpath:" + folder})
                .orElseGet(() -> new String[] {"classpath:" + PORTABLE});
    }

    /** MariaDB keeps MySQL's SQL dialect, so both are one family. */
    static Optional<String> family(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("mysql") || name.contains("mariadb")) {
            return Optional.of("mysql");
        }
        if (name.contains("postgresql")) {
            return Optional.of("postgresql");
        }
        if (name.equals("h2")) {
            return Optional.of("h2");
        }
        return Optional.empty();
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read which database this is", e);
        }
    }
}

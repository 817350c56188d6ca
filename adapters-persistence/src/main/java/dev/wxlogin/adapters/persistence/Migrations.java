package dev.wxlogin.adapters.persistence;

import java.util.Locale;

/**
 * Where Flyway finds the migrations for a database: the portable ones in {@code db/migration}, then those of its
 * family in {@code db/vendor/<family>}, where portable SQL cannot do (for example exact text comparison on
 * MySQL and MariaDB). Versions are numbered across both folders.
 */
final class Migrations {
    private static final String PORTABLE = "db/migration";

    private Migrations() {}

    /**
     * @param family the database's family as its SQL dialect tells it (MariaDB is MySQL's); a database that is
     *               none of those is spoken to as H2, and would get H2's own migrations if there were any
     */
    static String[] locations(DatabaseClock family) {
        String vendor = "db/vendor/" + family.name().toLowerCase(Locale.ROOT);
        return Migrations.class.getClassLoader().getResource(vendor) == null
                ? new String[] {"classpath:" + PORTABLE}
                : new String[] {"classpath:" + PORTABLE, "classpath:" + vendor};
    }
}

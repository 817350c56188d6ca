package dev.wxlogin.adapters.persistence;

import java.util.Locale;

/**
 * The database's clock as SQL for epoch milliseconds: the one clock every instance shares, so writes can
 * be held to it whatever the writing instance's own clock says. Each database spells it differently;
 * each spelling is independent of the session's time zone.
 */
enum DatabaseClock {
    /** MySQL and MariaDB: UTC_TIMESTAMP is the statement's start in UTC, as a zone-less DATETIME. */
    MYSQL("(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000)"),
    /** PostgreSQL: the statement's start (CURRENT_TIMESTAMP would be the transaction's). */
    POSTGRESQL("CAST(FLOOR(EXTRACT(EPOCH FROM STATEMENT_TIMESTAMP()) * 1000) AS BIGINT)"),
    /** H2, and the default: CURRENT_TIMESTAMP carries its zone, so EPOCH is absolute. */
    H2("CAST(FLOOR(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000) AS BIGINT)");

    /** The template attribute under which the statements find {@link #nowMillis()}. */
    static final String ATTRIBUTE = "databaseNowMillis";
    /**
     * How far past the database's clock a write may record a time: clocks kept by NTP agree far better,
     * and a transaction may have begun (H2 reads its clock once per transaction) a moment before.
     */
    static final long TOLERANCE_MILLIS = 5_000;

    private final String nowMillis;

    DatabaseClock(String nowMillis) {
        this.nowMillis = nowMillis;
    }

    /** @param productName as JDBC's {@code DatabaseMetaData.getDatabaseProductName()} reports it */
    static DatabaseClock of(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        return name.contains("postgresql") ? POSTGRESQL : H2;
    }

    String nowMillis() {
        return nowMillis;
    }
}

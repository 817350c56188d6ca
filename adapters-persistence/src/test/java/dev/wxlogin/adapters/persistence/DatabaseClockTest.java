package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.OnEveryEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

@OnEveryEngine
class DatabaseClockTest {
    private final Database database;
    private final DatabaseClock clock;

    DatabaseClockTest(Engine engine) {
        database = TestDatabases.open(engine);
        clock = TestDatabases.dialectOf(engine);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @ParameterizedTest
    @CsvSource({"H2, H2", "PostgreSQL, POSTGRESQL", "MySQL, MYSQL", "MariaDB, MYSQL", "Some other database, H2"})
    void eachDatabaseIsAskedTheTimeInItsOwnWords(String productName, DatabaseClock expected) {
        assertThat(DatabaseClock.of(productName)).isEqualTo(expected);
    }

    /**
     * The test servers run on this machine's clock, in UTC+8 on purpose: the answer must lie between two readings
     * of that clock, whatever the server's time zone.
     */
    @Test
    void theDatabaseTellsTheTimeInEpochMilliseconds() {
        long before = System.currentTimeMillis();
        long databaseNow = database.jdbi().withHandle(h -> h.select("SELECT " + clock.nowMillis())
                .mapTo(Long.class).one());
        long after = System.currentTimeMillis();

        assertThat(databaseNow).isBetween(before, after);
    }
}

package dev.wxlogin.adapters.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseClockTest {
    private final Database database = TestDatabases.inMemory();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @ParameterizedTest
    @CsvSource({"H2, H2", "PostgreSQL, POSTGRESQL", "MySQL, MYSQL", "MariaDB, MYSQL", "Some other database, H2"})
    void eachDatabaseIsAskedTheTimeInItsOwnWords(String productName, DatabaseClock expected) {
        assertThat(DatabaseClock.of(productName)).isEqualTo(expected);
    }

    /** H2 runs in this JVM, on the same clock: its answer must lie between two readings of that clock. */
    @Test
    void h2TellsTheTimeInEpochMilliseconds() {
        long before = System.currentTimeMillis();
        long databaseNow = database.jdbi().withHandle(h -> h.select("SELECT " + DatabaseClock.H2.nowMillis())
                .mapTo(Long.class).one());
        long after = System.currentTimeMillis();

        assertThat(databaseNow).isBetween(before, after);
    }
}

package dev.wxlogin.adapters.persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contention as each supported database reports it, built from the SQLStates and vendor codes their
 * drivers use (only H2 runs in the tests; see {@link DatabaseContentionTest} for the real thing).
 */
class SqlStatesTest {
    private static RuntimeException wrapped(String sqlState, int vendorCode) {
        return new IllegalStateException("a statement failed", new SQLException("reason", sqlState, vendorCode));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "H2 deadlock,                               40001, 40001",
            "H2 lock timeout,                           HYT00, 50200",
            "H2 concurrent update,                      90131, 90131",
            "PostgreSQL serialization failure,          40001, 0",
            "PostgreSQL deadlock,                       40P01, 0",
            "PostgreSQL lock_not_available,             55P03, 0",
            "MySQL lock wait timeout,                   HY000, 1205",
            "MySQL deadlock,                            40001, 1213",
            "MariaDB deadlock reported without a class, HY000, 1213",
    })
    void contentionIsRecognisedOnEveryDatabase(String what, String sqlState, int vendorCode) {
        assertThat(SqlStates.isContention(wrapped(sqlState, vendorCode))).isTrue();
        assertThat(SqlStates.isConnectionLoss(wrapped(sqlState, vendorCode))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "H2 duplicate key,                   23505, 23505",
            "H2 statement cancelled,             57014, 57014",
            "PostgreSQL syntax error,            42601, 0",
            "PostgreSQL connection failure,      08006, 0",
            "MySQL duplicate entry,              23000, 1062",
            "MySQL communications link failure,  08S01, 0",
    })
    void otherFailuresAreNotContention(String what, String sqlState, int vendorCode) {
        assertThat(SqlStates.isContention(wrapped(sqlState, vendorCode))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"40001, true", "40P01, true", "55P03, false", "HYT00, false"})
    void onlyClass40IsAConflictThatACleanupBatchRetries(String sqlState, boolean retried) {
        assertThat(SqlStates.isTransactionConflict(wrapped(sqlState, 0))).isEqualTo(retried);
    }
}

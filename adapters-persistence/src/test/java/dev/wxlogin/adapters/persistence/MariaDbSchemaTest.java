package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On MariaDB (and MySQL) text compares by collation, and the server's default ignores case (the test server uses
 * Debian's, utf8mb4_general_ci): every text column of wxlogin's tables must be binary, including those of tables
 * that later migrations add.
 */
class MariaDbSchemaTest {
    private final Database database = TestDatabases.open(Engine.MARIADB);

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void everyTextColumnComparesExactlyWhateverTheServersDefault() {
        List<String> columns = database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT CONCAT(table_name, '.', column_name, ' ', collation_name) FROM information_schema.columns
                         WHERE table_schema = DATABASE() AND collation_name IS NOT NULL
                           AND table_name <> 'flyway_schema_history'""")
                .mapTo(String.class).list());

        assertThat(columns).hasSizeGreaterThan(10).allSatisfy(column -> assertThat(column).endsWith(" utf8mb4_bin"));
    }
}

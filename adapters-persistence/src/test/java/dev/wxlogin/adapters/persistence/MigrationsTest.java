package dev.wxlogin.adapters.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {
    @TempDir
    Path directory;

    private String url() {
        return "jdbc:h2:file:" + directory.resolve("wxlogin") + Database.H2_FILE_URL_OPTIONS;
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(url(), "sa", "").locations("classpath:db/migration").load();
    }

    @Test
    void anEmptyDatabaseGetsTheWholeSchema() {
        try (Database database = Database.open(TestDatabases.settings(url()))) {
            List<String> tables = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT LOWER(table_name) FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
                    .mapTo(String.class).list());

            assertThat(tables).contains("app_user", "user_session", "exchanged_code");
        }
        assertThat(flyway().info().applied()).singleElement()
                .satisfies(migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
    }

    @Test
    void reopeningAppliesNothingAndTheSchemaStillValidates() {
        Database.open(TestDatabases.settings(url())).close();

        try (Database reopened = Database.open(TestDatabases.settings(url()))) {
            assertThat(reopened.isReachable()).isTrue();
        }

        assertThat(flyway().validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway().info().applied()).hasSize(1);
        assertThat(flyway().info().pending()).isEmpty();
    }

    @Test
    void aClosedDatabaseIsNotReachable() {
        Database database = Database.open(TestDatabases.settings(url()));

        database.close();

        assertThat(database.isReachable()).isFalse();
    }
}

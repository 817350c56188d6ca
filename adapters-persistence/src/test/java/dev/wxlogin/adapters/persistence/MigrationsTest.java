package dev.wxlogin.adapters.persistence;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema is created from nothing by the migrations, on every engine. */
@ParameterizedClass
@EnumSource(Engine.class)
class MigrationsTest {
    private final TestDatabase empty;
    private final DatabaseClock family;

    MigrationsTest(Engine engine) {
        empty = engine.createDatabase();
        family = TestDatabases.dialectOf(engine);
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(empty.url(), empty.user(), empty.password())
                .locations(Migrations.locations(family)).load();
    }

    @Test
    void anEmptyDatabaseGetsTheWholeSchema() {
        try (Database database = Database.open(empty.settings(2))) {
            for (String table : List.of("app_user", "user_session", "exchanged_code")) {
                long rows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class).one());
                assertThat(rows).as(table).isZero();
            }
        }
        MigrationInfo[] applied = flyway().info().applied();
        assertThat(applied).isNotEmpty().allSatisfy(
                migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway().info().pending()).isEmpty();
    }

    @Test
    void reopeningAppliesNothingAndTheSchemaStillValidates() {
        Database.open(empty.settings(2)).close();
        int applied = flyway().info().applied().length;

        try (Database reopened = Database.open(empty.settings(2))) {
            assertThat(reopened.isReachable()).isTrue();
        }

        assertThat(flyway().validateWithResult().validationSuccessful).isTrue();
        assertThat(flyway().info().applied()).hasSize(applied);
        assertThat(flyway().info().pending()).isEmpty();
    }

    @Test
    void aClosedDatabaseIsNotReachable() {
        Database database = Database.open(empty.settings(2));

        database.close();

        assertThat(database.isReachable()).isFalse();
    }
}

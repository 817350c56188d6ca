package dev.wxlogin.bootstrap;

import dev.wxlogin.adapters.persistence.testing.Engine;
import dev.wxlogin.adapters.persistence.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import static dev.wxlogin.bootstrap.TestServer.Json.read;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped jar runs on PostgreSQL and MariaDB by WXLOGIN_DB_URL, WXLOGIN_DB_USER and WXLOGIN_DB_PASSWORD alone:
 * their drivers and Flyway's support are inside, and the schema is created from nothing in an empty database.
 */
@ParameterizedClass
@EnumSource(value = Engine.class, names = {"POSTGRESQL", "MARIADB"})
class ShippedJarOnEachServerIT {
    private final TestDatabase empty;

    ShippedJarOnEachServerIT(Engine engine) {
        empty = engine.createDatabase();
    }

    @Test
    void anEmptyDatabaseGetsItsSchemaAndServesLogins(@TempDir Path directory) throws SQLException {
        try (ShippedJar jar = ShippedJar.start(directory, TestServer.databaseVariables(empty))) {
            assertThat(jar.send(jar.request("/ready").GET()).statusCode()).isEqualTo(200);

            HttpResponse<String> login = jar.login(jar.code("alice"));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String token = read(login.body()).get("token").asText();

            assertThat(jar.get("/api/v1/me", token).statusCode()).isEqualTo(200);
            assertThat(jar.post("/api/v1/logout", token).statusCode()).isEqualTo(204);
            assertThat(jar.get("/api/v1/me", token).statusCode()).isEqualTo(401);
            assertThat(jar.output()).doesNotContain(empty.password());
        }
        assertThat(usersIn(empty)).isEqualTo(1);
    }

    private static long usersIn(TestDatabase database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM app_user")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

package dev.wxlogin.archfixtures.database_only_in_persistence_adapter.adapters.rest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * VIOLATION of databaseOnlyInPersistenceAdapter: a health check in the REST adapter that opens a JDBC
 * connection itself (it should ask a port whether storage is up).
 */
public final class HealthEndpoint {
    private final DataSource dataSource;

    public HealthEndpoint(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean databaseUp() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        } catch (SQLException e) {
            return false;
        }
    }
}

package dev.wxlogin.archfixtures.domain_is_plain_java.domain.session;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * VIOLATION of domainIsPlainJava: a domain class that talks to the database through {@code java.sql}, a JDK
 * package the domain may not use (which is why the allow-list never says {@code "java.."}). The persistence rule
 * catches it too: two rules, each enough on its own.
 */
public final class SessionTable {
    private final Connection connection;

    public SessionTable(Connection connection) {
        this.connection = connection;
    }

    public boolean isOpen() throws SQLException {
        return !connection.isClosed();
    }
}

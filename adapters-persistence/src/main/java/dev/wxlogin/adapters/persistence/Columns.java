package dev.wxlogin.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Naming columns in statements, and reading nullable ones in hand-written row mappers. */
final class Columns {
    private Columns() {}

    /** {@code "a, b"} as {@code "t.a, t.b"}: a table's columns in a join, under the table's alias. */
    static String qualified(String alias, String columns) {
        return alias + "." + columns.replace(", ", ", " + alias + ".");
    }

    /** How many columns a list such as {@code "a, b"} names. */
    static int count(String columns) {
        return columns.split(", ").length;
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

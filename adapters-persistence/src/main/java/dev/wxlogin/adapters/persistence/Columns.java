package dev.wxlogin.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading nullable columns in hand-written row mappers. */
final class Columns {
    private Columns() {}

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}

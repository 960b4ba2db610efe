package io.lantau.compliance.security;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instant mapping for TIMESTAMP WITH TIME ZONE columns, written in UTC (H2 keeps the offset it is given). */
final class Jdbc {
    private Jdbc() {
    }

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** @return the column's long, or {@code otherwise} if it is NULL. */
    static long getLong(ResultSet rs, String column, long otherwise) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? otherwise : value;
    }
}

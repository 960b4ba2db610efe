package io.lantau.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The {@code projection_offsets} table: for each persisted projection, the last command sequence whose events it has
 * written. A projection writes its offset in the same transaction as its data, so that data and offset commit or
 * roll back together. Stateless; the caller's connection carries the transaction.
 */
public final class ProjectionOffsets {
    private ProjectionOffsets() {
    }

    /** @return the last sequence written by the projection {@code name}, or 0 if it has written nothing. */
    public static long read(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT last_sequence FROM projection_offsets WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Records {@code lastSequence} for {@code name}, in the caller's transaction. */
    public static void write(Connection connection, String name, long lastSequence) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE projection_offsets SET last_sequence = ? WHERE name = ?")) {
            update.setLong(1, lastSequence);
            update.setString(2, name);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO projection_offsets (name, last_sequence) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setLong(2, lastSequence);
            insert.executeUpdate();
        }
    }
}

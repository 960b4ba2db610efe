package io.lantau.custody.travelrule;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table {@code travel_rule_records}: one record per transfer and direction, never changed once written. */
final class TravelRuleRecords {
    private TravelRuleRecords() {
    }

    static TravelRuleRecord insert(Connection c, Direction direction, String transferRef, long accountId, int assetId,
            long amountMinor, Long valueMinor, String currency, String json, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO travel_rule_records (direction, transfer_ref,"
                + " account_id, asset_id, amount_minor, value_minor, valuation_currency, ivms101, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, direction.name());
            s.setString(2, transferRef);
            s.setLong(3, accountId);
            s.setInt(4, assetId);
            s.setLong(5, amountMinor);
            Jdbc.setLongOrNull(s, 6, valueMinor);
            s.setString(7, currency);
            s.setString(8, json);
            Jdbc.setInstant(s, 9, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new TravelRuleRecord(keys.getLong(1), direction, transferRef, accountId, assetId, amountMinor,
                        valueMinor, currency, json, at);
            }
        }
    }

    static Optional<TravelRuleRecord> find(Connection c, Direction direction, String transferRef) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM travel_rule_records WHERE direction = ?"
                + " AND transfer_ref = ?")) {
            s.setString(1, direction.name());
            s.setString(2, transferRef);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    static List<TravelRuleRecord> list(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM travel_rule_records ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<TravelRuleRecord> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("list travel-rule records", e);
        }
    }

    private static TravelRuleRecord row(ResultSet rs) throws SQLException {
        long value = rs.getLong("value_minor");
        Long valueMinor = rs.wasNull() ? null : value;
        return new TravelRuleRecord(rs.getLong("id"), Direction.valueOf(rs.getString("direction")),
                rs.getString("transfer_ref"), rs.getLong("account_id"), rs.getInt("asset_id"),
                rs.getLong("amount_minor"), valueMinor, rs.getString("valuation_currency"), rs.getString("ivms101"),
                Jdbc.getInstant(rs, "recorded_at"));
    }
}

package io.lantau.compliance.security;

import io.lantau.store.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code approvals} table; every method runs on the caller's connection (and transaction). Stateless. */
final class ApprovalRepository {
    private static final String COLUMNS = "id, action, requester_id, subject_user_id, payload, status, requested_at, "
            + "decided_by, decided_at, reason";

    private ApprovalRepository() {
    }

    static Approval insert(Connection c, String action, long requesterId, long subjectUserId, String payload,
            Instant at) throws SQLException {
        String sql = "INSERT INTO approvals (action, requester_id, subject_user_id, payload, status, requested_at) "
                + "VALUES (?, ?, ?, ?, 'PENDING', ?)";
        try (PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, action);
            s.setLong(2, requesterId);
            if (subjectUserId == SecurityEvent.UNKNOWN_USER) {
                s.setNull(3, Types.BIGINT);
            } else {
                s.setLong(3, subjectUserId);
            }
            s.setString(4, payload);
            Jdbc.setInstant(s, 5, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new Approval(keys.getLong(1), action, requesterId, subjectUserId, payload,
                        ApprovalStatus.PENDING, at, SecurityEvent.UNKNOWN_USER, null, null);
            }
        }
    }

    /** @return the request, its row locked until the transaction ends when {@code lock}. */
    static Optional<Approval> find(Connection c, long id, boolean lock) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM approvals WHERE id = ?" + (lock ? " FOR UPDATE" : "");
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** @return up to {@code limit} requests in {@code status}, oldest first. */
    static List<Approval> list(Connection c, ApprovalStatus status, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM approvals WHERE status = ? ORDER BY id LIMIT ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, status.name());
            s.setInt(2, limit);
            List<Approval> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        }
    }

    /** Moves a pending request to {@code status}. @return whether it was still pending. */
    static boolean decide(Connection c, long id, ApprovalStatus status, long deciderId, Instant at, String reason)
            throws SQLException {
        String sql = "UPDATE approvals SET status = ?, decided_by = ?, decided_at = ?, reason = ? "
                + "WHERE id = ? AND status = 'PENDING'";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, status.name());
            s.setLong(2, deciderId);
            Jdbc.setInstant(s, 3, at);
            s.setString(4, reason);
            s.setLong(5, id);
            return s.executeUpdate() == 1;
        }
    }

    private static Approval read(ResultSet rs) throws SQLException {
        return new Approval(rs.getLong("id"), rs.getString("action"), rs.getLong("requester_id"),
                Jdbc.getLong(rs, "subject_user_id", SecurityEvent.UNKNOWN_USER), rs.getString("payload"),
                ApprovalStatus.valueOf(rs.getString("status")), Jdbc.getInstant(rs, "requested_at"),
                Jdbc.getLong(rs, "decided_by", SecurityEvent.UNKNOWN_USER), Jdbc.getInstant(rs, "decided_at"),
                rs.getString("reason"));
    }
}

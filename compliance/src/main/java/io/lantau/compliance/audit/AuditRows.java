package io.lantau.compliance.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** SQL of the {@code audit_log} and {@code audit_anchors} tables (V3). Stateless; the caller's connection. */
final class AuditRows {
    static final String COLUMNS = "seq, time_nanos, kind, actor, subject, details, previous_hash, hash";
    static final String INSERT = "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM audit_log ORDER BY seq";
    static final String SELECT_PERIOD = "SELECT " + COLUMNS
            + " FROM audit_log WHERE time_nanos >= ? AND time_nanos < ? ORDER BY seq";

    private AuditRows() {
    }

    /** The chain's end: the last stored record, or the last anchor if every record was purged, or the genesis. */
    record Tail(long sequence, String hash) {
        static final Tail GENESIS = new Tail(0, AuditHasher.GENESIS);
    }

    /** A purge's anchor: records up to {@code throughSequence} are gone; the last one's hash was {@code hash}. */
    record Anchor(long throughSequence, String hash) {
    }

    static Tail readTail(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
                ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
                return new Tail(rs.getLong(1), rs.getString(2));
            }
        }
        Anchor anchor = lastAnchor(c);
        return anchor == null ? Tail.GENESIS : new Tail(anchor.throughSequence(), anchor.hash());
    }

    static Anchor lastAnchor(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT through_seq, through_hash FROM audit_anchors ORDER BY through_seq DESC LIMIT 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() ? new Anchor(rs.getLong(1), rs.getString(2)) : null;
        }
    }

    static List<Anchor> anchors(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT through_seq, through_hash FROM audit_anchors ORDER BY through_seq");
                ResultSet rs = s.executeQuery()) {
            List<Anchor> anchors = new java.util.ArrayList<>();
            while (rs.next()) {
                anchors.add(new Anchor(rs.getLong(1), rs.getString(2)));
            }
            return anchors;
        }
    }

    static void insert(Connection c, List<AuditRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (AuditRecord r : records) {
                s.setLong(1, r.sequence());
                s.setLong(2, r.timeNanos());
                s.setString(3, r.kind());
                s.setString(4, r.actor());
                s.setString(5, r.subject());
                s.setString(6, r.details());
                s.setString(7, r.previousHash());
                s.setString(8, r.hash());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong(1), AuditRecord.instantOf(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}

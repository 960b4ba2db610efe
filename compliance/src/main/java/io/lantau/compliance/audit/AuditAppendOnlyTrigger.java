package io.lantau.compliance.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2's half of the append-only guard (migration {@code V3_1}): refuses every UPDATE of {@code audit_log} and
 * {@code audit_anchors}, and every DELETE except of {@code audit_log} records already covered by an anchor (a retention
 * purge). H2 loads it by name when the database opens, so this class must stay where it is. Not an API: public only
 * because H2 instantiates it.
 */
public final class AuditAppendOnlyTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
            int type) {
        this.table = tableName.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        boolean delete = newRow == null;
        if (delete && "audit_log".equals(table) && covered(conn, ((Number) oldRow[0]).longValue())) {
            return;
        }
        throw new SQLException("the audit trail is append-only: " + (delete ? "DELETE" : "UPDATE") + " on " + table
                + " refused", "23000");
    }

    private static boolean covered(Connection conn, long seq) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("SELECT COALESCE(MAX(through_seq), 0) FROM audit_anchors");
                ResultSet rs = s.executeQuery()) {
            return rs.next() && seq <= rs.getLong(1);
        }
    }
}

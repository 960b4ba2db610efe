package io.lantau.custody.reconcile;

import io.lantau.compliance.audit.AuditDetails;
import io.lantau.compliance.audit.AuditEntry;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.audit.AuditTrail;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reconciliation incidents (HK-33, table {@code custody_incidents}) and the withdrawal freeze they imply: an asset is
 * frozen while it has an open incident, so the flag survives a restart and cannot drift from the incidents. Opening
 * and resolving each append an audit-trail record (kind {@link AuditKind#COMPLIANCE_EXCEPTION}, subject
 * {@code asset:<id>}). Only staff resolve an incident (the caller checks the role). Thread-safe; blocking (JDBC).
 */
public final class Incidents implements WithdrawalFreeze {
    /** The longest resolution note stored. */
    public static final int MAX_NOTE_CHARS = 500;
    private static final int MAX_LISTED = 500;

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final Clock clock;

    public Incidents(DataSource dataSource, AuditTrail audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens an incident for a mismatch, unless one is open for the asset already (one open incident per asset: a
     * scheduled run that finds the same gap again adds nothing).
     *
     * @return the open incident's id.
     */
    public long open(AssetReconciliation figures, String trigger) {
        Instant now = clock.instant();
        long id = Jdbc.inTransaction(dataSource, "open a custody incident", c -> {
            Optional<Incident> existing = openOf(c, figures.assetId());
            if (existing.isPresent()) {
                return -existing.get().id();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO custody_incidents (asset_id, core_minor,"
                    + " custody_minor, chain_minor, trigger_name, opened_at) VALUES (?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setInt(1, figures.assetId());
                s.setLong(2, figures.coreMinor());
                s.setLong(3, figures.custodyMinor());
                Jdbc.setLongOrNull(s, 4, figures.chainMinor());
                s.setString(5, trigger);
                Jdbc.setInstant(s, 6, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        if (id < 0) {
            return -id;
        }
        AuditDetails details = AuditDetails.builder().put("event", "RECONCILIATION_MISMATCH").put("incident", id)
                .put("asset", figures.assetCode()).put("coreMinor", figures.coreMinor())
                .put("custodyMinor", figures.custodyMinor()).put("withdrawals", "FROZEN").put("trigger", trigger);
        if (figures.chainMinor() != null) {
            details.put("chainMinor", figures.chainMinor());
        }
        audit.append(new AuditEntry(now, AuditKind.COMPLIANCE_EXCEPTION, AuditEntry.SYSTEM,
                "asset:" + figures.assetId(), details.build()));
        return id;
    }

    /**
     * Resolves an open incident; the asset's withdrawals thaw when it has no other open incident.
     *
     * @param staffId the staff user (role checked by the caller).
     * @param note    what was found and done, 1 to {@value #MAX_NOTE_CHARS} characters.
     * @throws ReconcileException {@code INCIDENT_NOT_FOUND}, {@code INCIDENT_ALREADY_RESOLVED} or
     *                            {@code RESOLUTION_NOTE_REQUIRED}; nothing changes.
     */
    public Incident resolve(long incidentId, long staffId, String note) {
        if (note == null || note.isBlank() || note.length() > MAX_NOTE_CHARS) {
            throw new ReconcileException(ReconcileRefusal.RESOLUTION_NOTE_REQUIRED);
        }
        Instant now = clock.instant();
        Incident resolved = Jdbc.inTransaction(dataSource, "resolve custody incident " + incidentId, c -> {
            Incident found = find(c, incidentId, true)
                    .orElseThrow(() -> new ReconcileException(ReconcileRefusal.INCIDENT_NOT_FOUND));
            if (!found.open()) {
                throw new ReconcileException(ReconcileRefusal.INCIDENT_ALREADY_RESOLVED);
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE custody_incidents SET resolved_by = ?,"
                    + " resolution = ?, resolved_at = ? WHERE id = ? AND resolved_at IS NULL")) {
                s.setLong(1, staffId);
                s.setString(2, note);
                Jdbc.setInstant(s, 3, now);
                s.setLong(4, incidentId);
                s.executeUpdate();
            }
            return new Incident(found.id(), found.assetId(), found.coreMinor(), found.custodyMinor(),
                    found.chainMinor(), found.trigger(), found.openedAt(), staffId, note, now);
        });
        audit.append(new AuditEntry(now, AuditKind.COMPLIANCE_EXCEPTION, "staff:" + staffId,
                "asset:" + resolved.assetId(), AuditDetails.builder().put("event", "RECONCILIATION_RESOLVED")
                        .put("incident", incidentId).put("note", note).build()));
        return resolved;
    }

    @Override
    public boolean isFrozen(int assetId) {
        try (Connection c = dataSource.getConnection()) {
            return openOf(c, assetId).isPresent();
        } catch (SQLException e) {
            throw Sql.translate("read the withdrawal freeze", e);
        }
    }

    /** @return incidents, newest first (at most 500); only the open ones if {@code openOnly}. */
    public List<Incident> list(boolean openOnly) {
        String sql = "SELECT * FROM custody_incidents" + (openOnly ? " WHERE resolved_at IS NULL" : "")
                + " ORDER BY id DESC LIMIT " + MAX_LISTED;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            List<Incident> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("list custody incidents", e);
        }
    }

    private static Optional<Incident> openOf(Connection c, int assetId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM custody_incidents WHERE asset_id = ?"
                + " AND resolved_at IS NULL ORDER BY id LIMIT 1")) {
            s.setInt(1, assetId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Optional<Incident> find(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM custody_incidents WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static Incident row(ResultSet rs) throws SQLException {
        long chain = rs.getLong("chain_minor");
        Long chainMinor = rs.wasNull() ? null : chain;
        long by = rs.getLong("resolved_by");
        Long resolvedBy = rs.wasNull() ? null : by;
        return new Incident(rs.getLong("id"), rs.getInt("asset_id"), rs.getLong("core_minor"),
                rs.getLong("custody_minor"), chainMinor, rs.getString("trigger_name"),
                Jdbc.getInstant(rs, "opened_at"), resolvedBy, rs.getString("resolution"),
                Jdbc.getInstant(rs, "resolved_at"));
    }
}

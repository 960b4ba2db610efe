package io.lantau.compliance.admission;

import io.lantau.store.Jdbc;
import io.lantau.core.RetailAccess;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The admission register's tables ({@code token_*}). Every method runs in the caller's transaction on the given
 * connection. Stateless and thread-safe.
 */
final class TokenRegisterRepository {
    private static final String ASSET_COLUMNS = "asset_code, name, token_type, issue_date, smart_contract_relevant, "
            + "status, retail_access, registered_at, last_decision_at";

    /** A row of {@code token_assets}. */
    record AssetRow(String assetCode, String name, TokenType tokenType, LocalDate issueDate,
            boolean smartContractRelevant, AdmissionStatus status, RetailAccess retailAccess, Instant registeredAt,
            Instant lastDecisionAt) {
    }

    void insertAsset(Connection c, TokenApplication app, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO token_assets (" + ASSET_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, app.assetCode());
            s.setString(2, app.name());
            s.setString(3, app.tokenType().name());
            s.setDate(4, Date.valueOf(app.issueDate()));
            s.setBoolean(5, app.smartContractRelevant());
            s.setString(6, AdmissionStatus.PROPOSED.name());
            s.setString(7, RetailAccess.NOT_ELIGIBLE.name());
            Jdbc.setInstant(s, 8, at);
            Jdbc.setInstant(s, 9, null);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO token_markets (asset_code, market_id) "
                + "VALUES (?, ?)")) {
            for (int marketId : app.marketIds()) {
                s.setString(1, app.assetCode());
                s.setInt(2, marketId);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    Optional<AssetRow> findAsset(Connection c, String assetCode) throws SQLException {
        List<AssetRow> rows = assets(c, "SELECT " + ASSET_COLUMNS + " FROM token_assets WHERE asset_code = ?",
                assetCode);
        return rows.stream().findFirst();
    }

    List<AssetRow> allAssets(Connection c) throws SQLException {
        return assets(c, "SELECT " + ASSET_COLUMNS + " FROM token_assets ORDER BY asset_code", null);
    }

    private static List<AssetRow> assets(Connection c, String sql, String code) throws SQLException {
        List<AssetRow> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (code != null) {
                s.setString(1, code);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new AssetRow(rs.getString("asset_code"), rs.getString("name"),
                            TokenType.valueOf(rs.getString("token_type")), rs.getDate("issue_date").toLocalDate(),
                            rs.getBoolean("smart_contract_relevant"), AdmissionStatus.valueOf(rs.getString("status")),
                            RetailAccess.valueOf(rs.getString("retail_access")),
                            Jdbc.getInstant(rs, "registered_at"), Jdbc.getInstant(rs, "last_decision_at")));
                }
            }
        }
        return out;
    }

    List<Integer> markets(Connection c, String assetCode) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT market_id FROM token_markets WHERE asset_code = ? "
                + "ORDER BY market_id")) {
            s.setString(1, assetCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getInt(1));
                }
            }
        }
        return out;
    }

    void putDueDiligence(Connection c, String assetCode, DueDiligenceRecord r) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM token_due_diligence WHERE asset_code = ? "
                + "AND factor = ?")) {
            s.setString(1, assetCode);
            s.setString(2, r.factor().name());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO token_due_diligence (asset_code, factor, "
                + "evidence_link, reviewer_id, outcome, notes, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, assetCode);
            s.setString(2, r.factor().name());
            s.setString(3, r.evidenceLink());
            s.setString(4, r.reviewerId());
            s.setString(5, r.outcome().name());
            s.setString(6, r.notes());
            Jdbc.setInstant(s, 7, r.recordedAt());
            s.executeUpdate();
        }
    }

    List<DueDiligenceRecord> dueDiligence(Connection c, String assetCode) throws SQLException {
        List<DueDiligenceRecord> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT factor, evidence_link, reviewer_id, outcome, notes, "
                + "recorded_at FROM token_due_diligence WHERE asset_code = ?")) {
            s.setString(1, assetCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new DueDiligenceRecord(DueDiligenceFactor.valueOf(rs.getString(1)), rs.getString(2),
                            rs.getString(3), DueDiligenceOutcome.valueOf(rs.getString(4)), rs.getString(5),
                            Jdbc.getInstant(rs, "recorded_at")));
                }
            }
        }
        out.sort((a, b) -> a.factor().compareTo(b.factor()));
        return out;
    }

    void putAudit(Connection c, String assetCode, ContractAudit a) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM token_contract_audits WHERE asset_code = ?")) {
            s.setString(1, assetCode);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO token_contract_audits (asset_code, kind, "
                + "auditor, report_link, rationale, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, assetCode);
            s.setString(2, a.kind().name());
            s.setString(3, a.auditor());
            s.setString(4, a.reportLink());
            s.setString(5, a.rationale());
            s.setString(6, a.recordedBy());
            Jdbc.setInstant(s, 7, a.recordedAt());
            s.executeUpdate();
        }
    }

    Optional<ContractAudit> audit(Connection c, String assetCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT kind, auditor, report_link, rationale, recorded_by, "
                + "recorded_at FROM token_contract_audits WHERE asset_code = ?")) {
            s.setString(1, assetCode);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ContractAudit(ContractAudit.Kind.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), Jdbc.getInstant(rs, "recorded_at")));
            }
        }
    }

    void insertMembership(Connection c, String assetCode, IndexMembership m, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO token_index_memberships (asset_code, index_id, "
                + "provider, provider_independent, provider_tradfi, as_of_date, added_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, assetCode);
            s.setString(2, m.indexId());
            s.setString(3, m.provider());
            s.setBoolean(4, m.providerIndependent());
            s.setBoolean(5, m.providerHasTradFiExperience());
            s.setDate(6, Date.valueOf(m.asOfDate()));
            Jdbc.setInstant(s, 7, at);
            s.executeUpdate();
        }
    }

    /** @return whether a current membership was removed. */
    boolean removeMembership(Connection c, String assetCode, String indexId, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE token_index_memberships SET removed_at = ? "
                + "WHERE asset_code = ? AND index_id = ? AND removed_at IS NULL")) {
            Jdbc.setInstant(s, 1, at);
            s.setString(2, assetCode);
            s.setString(3, indexId);
            return s.executeUpdate() > 0;
        }
    }

    /** @return the current memberships, by index id. */
    List<IndexMembership> memberships(Connection c, String assetCode) throws SQLException {
        List<IndexMembership> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT index_id, provider, provider_independent, "
                + "provider_tradfi, as_of_date FROM token_index_memberships WHERE asset_code = ? "
                + "AND removed_at IS NULL ORDER BY index_id")) {
            s.setString(1, assetCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new IndexMembership(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                            rs.getBoolean(4), rs.getDate(5).toLocalDate()));
                }
            }
        }
        return out;
    }

    /** Records a decision with its votes, moves the asset and closes its open tasks. */
    CommitteeDecision insertDecision(Connection c, String assetCode, Decision outcome, List<Vote> votes,
            String reasons, int quorum, boolean eligible, RetailAccess access, Instant at) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO token_decisions (asset_code, outcome, reasons, "
                + "quorum_required, retail_eligible, retail_access, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, assetCode);
            s.setString(2, outcome.name());
            s.setString(3, reasons);
            s.setInt(4, quorum);
            s.setBoolean(5, eligible);
            s.setString(6, access.name());
            Jdbc.setInstant(s, 7, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO token_decision_votes (decision_id, voter_id, "
                + "in_favour) VALUES (?, ?, ?)")) {
            for (Vote v : votes) {
                s.setLong(1, id);
                s.setString(2, v.voterId());
                s.setBoolean(3, v.inFavour());
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE token_assets SET status = ?, retail_access = ?, "
                + "last_decision_at = ? WHERE asset_code = ?")) {
            s.setString(1, outcome.status().name());
            s.setString(2, access.name());
            Jdbc.setInstant(s, 3, at);
            s.setString(4, assetCode);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE token_review_tasks SET closed_at = ?, decision_id = ? "
                + "WHERE asset_code = ? AND closed_at IS NULL")) {
            Jdbc.setInstant(s, 1, at);
            s.setLong(2, id);
            s.setString(3, assetCode);
            s.executeUpdate();
        }
        return new CommitteeDecision(id, assetCode, outcome, votes, reasons, quorum, eligible, access, at);
    }

    /** @return the asset's decisions, oldest first. */
    List<CommitteeDecision> decisions(Connection c, String assetCode) throws SQLException {
        List<CommitteeDecision> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, outcome, reasons, quorum_required, retail_eligible, "
                + "retail_access, decided_at FROM token_decisions WHERE asset_code = ? ORDER BY id");
                PreparedStatement v = c.prepareStatement("SELECT voter_id, in_favour FROM token_decision_votes "
                        + "WHERE decision_id = ? ORDER BY voter_id")) {
            s.setString(1, assetCode);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("id");
                    List<Vote> votes = new ArrayList<>();
                    v.setLong(1, id);
                    try (ResultSet vr = v.executeQuery()) {
                        while (vr.next()) {
                            votes.add(new Vote(vr.getString(1), vr.getBoolean(2)));
                        }
                    }
                    out.add(new CommitteeDecision(id, assetCode, Decision.valueOf(rs.getString("outcome")), votes,
                            rs.getString("reasons"), rs.getInt("quorum_required"), rs.getBoolean("retail_eligible"),
                            RetailAccess.valueOf(rs.getString("retail_access")), Jdbc.getInstant(rs, "decided_at")));
                }
            }
        }
        return out;
    }

    ReviewTask insertTask(Connection c, String assetCode, ReviewTask.Reason reason, String detail, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO token_review_tasks (asset_code, reason, detail, "
                + "opened_at) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, assetCode);
            s.setString(2, reason.name());
            s.setString(3, detail);
            Jdbc.setInstant(s, 4, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new ReviewTask(keys.getLong(1), assetCode, reason, detail, at, null, 0);
            }
        }
    }

    /** @return review tasks, oldest first: all of the asset's, or (assetCode null) every open one. */
    List<ReviewTask> tasks(Connection c, String assetCode) throws SQLException {
        String sql = "SELECT id, asset_code, reason, detail, opened_at, closed_at, decision_id FROM token_review_tasks "
                + (assetCode == null ? "WHERE closed_at IS NULL" : "WHERE asset_code = ?") + " ORDER BY id";
        List<ReviewTask> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (assetCode != null) {
                s.setString(1, assetCode);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ReviewTask(rs.getLong("id"), rs.getString("asset_code"),
                            ReviewTask.Reason.valueOf(rs.getString("reason")), rs.getString("detail"),
                            Jdbc.getInstant(rs, "opened_at"), Jdbc.getInstant(rs, "closed_at"),
                            rs.getLong("decision_id")));
                }
            }
        }
        return out;
    }
}

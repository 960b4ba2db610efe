package io.lantau.compliance.onboarding;

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
import javax.sql.DataSource;

/**
 * KYC cases and their documents (migration V5). Holds sealed bytes only: it never sees a key or a plaintext
 * identity or document. A case and its documents are written in one transaction. Thread-safe (a connection per
 * call).
 */
final class KycStore {
    private final DataSource dataSource;

    KycStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A case row with its identity still sealed. */
    record CaseRow(long caseId, long accountId, KycCaseState state, String nationality, String residency,
            byte[] identityCiphertext, ScreeningStatus screening, String screeningReference, Instant submittedAt,
            Long reviewedBy, String reviewReason, Instant reviewedAt) {
    }

    /** A document to store: its reference fields and sealed bytes. */
    record DocumentRow(String sha256, DocumentKind kind, String contentType, long sizeBytes, byte[] ciphertext,
            Instant uploadedAt) {
    }

    long insertCase(long accountId, String nationality, String residency, byte[] identityCiphertext,
            ScreeningOutcome screening, Instant submittedAt, List<DocumentRow> documents) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long caseId;
                try (PreparedStatement st = connection.prepareStatement("INSERT INTO kyc_cases (account_id, state,"
                        + " nationality, residency, identity_ciphertext, screening, screening_reference,"
                        + " submitted_at) VALUES (?, 'PENDING', ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    st.setLong(1, accountId);
                    st.setString(2, nationality);
                    st.setString(3, residency);
                    st.setBytes(4, identityCiphertext);
                    st.setString(5, screening.status().name());
                    st.setString(6, screening.reference());
                    Jdbc.setInstant(st, 7, submittedAt);
                    st.executeUpdate();
                    try (ResultSet keys = st.getGeneratedKeys()) {
                        keys.next();
                        caseId = keys.getLong(1);
                    }
                }
                for (DocumentRow document : documents) {
                    insertDocument(connection, caseId, accountId, document);
                }
                connection.commit();
                return caseId;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.translate("insert KYC case of account " + accountId, e);
        }
    }

    /** Adds a document to a case; a document with the same hash already there is kept as it is. */
    void insertDocument(long caseId, long accountId, DocumentRow document) {
        try (Connection connection = dataSource.getConnection()) {
            insertDocument(connection, caseId, accountId, document);
        } catch (SQLException e) {
            throw Sql.translate("insert KYC document of account " + accountId, e);
        }
    }

    Optional<CaseRow> findCase(long caseId) {
        return cases("SELECT * FROM kyc_cases WHERE id = ?", caseId).stream().findFirst();
    }

    Optional<CaseRow> latestCase(long accountId) {
        return cases("SELECT * FROM kyc_cases WHERE account_id = ? ORDER BY id DESC LIMIT 1", accountId).stream()
                .findFirst();
    }

    /** @return the pending cases, oldest first, with their document counts. */
    List<PendingCase> pending(int limit) {
        String sql = "SELECT c.id, c.account_id, c.nationality, c.residency, c.screening, c.submitted_at,"
                + " (SELECT COUNT(*) FROM kyc_documents d WHERE d.case_id = c.id) AS documents"
                + " FROM kyc_cases c WHERE c.state = 'PENDING' ORDER BY c.id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql)) {
            st.setInt(1, limit);
            try (ResultSet rs = st.executeQuery()) {
                List<PendingCase> pending = new ArrayList<>();
                while (rs.next()) {
                    pending.add(new PendingCase(rs.getLong("id"), rs.getLong("account_id"),
                            rs.getString("nationality"), rs.getString("residency"),
                            ScreeningStatus.valueOf(rs.getString("screening")), rs.getInt("documents"),
                            Jdbc.getInstant(rs, "submitted_at")));
                }
                return pending;
            }
        } catch (SQLException e) {
            throw Sql.translate("read the KYC review queue", e);
        }
    }

    List<DocumentRef> documents(long caseId) {
        String sql = "SELECT case_id, sha256, kind, content_type, size_bytes, uploaded_at FROM kyc_documents"
                + " WHERE case_id = ? ORDER BY id";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, caseId);
            try (ResultSet rs = st.executeQuery()) {
                List<DocumentRef> refs = new ArrayList<>();
                while (rs.next()) {
                    refs.add(ref(rs));
                }
                return refs;
            }
        } catch (SQLException e) {
            throw Sql.translate("read documents of KYC case " + caseId, e);
        }
    }

    /** @return the account's latest document with that hash, still sealed. */
    Optional<SealedDocument> documentOfAccount(long accountId, String sha256) {
        return sealed("SELECT * FROM kyc_documents WHERE account_id = ? AND sha256 = ? ORDER BY id DESC LIMIT 1",
                accountId, sha256);
    }

    /** @return the case's document with that hash, still sealed. */
    Optional<SealedDocument> documentOfCase(long caseId, String sha256) {
        return sealed("SELECT * FROM kyc_documents WHERE case_id = ? AND sha256 = ?", caseId, sha256);
    }

    /** A stored document with its bytes still sealed. */
    record SealedDocument(DocumentRef ref, byte[] ciphertext) {
    }

    /** Decides a pending case; false if it was not pending any more. */
    boolean decide(long caseId, KycCaseState state, long officerId, String reason, Instant at) {
        String sql = "UPDATE kyc_cases SET state = ?, reviewed_by = ?, review_reason = ?, reviewed_at = ?"
                + " WHERE id = ? AND state = 'PENDING'";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql)) {
            st.setString(1, state.name());
            st.setLong(2, officerId);
            st.setString(3, reason);
            Jdbc.setInstant(st, 4, at);
            st.setLong(5, caseId);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.translate("decide KYC case " + caseId, e);
        }
    }

    boolean setScreening(long caseId, ScreeningOutcome outcome) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(
                     "UPDATE kyc_cases SET screening = ?, screening_reference = ? WHERE id = ?")) {
            st.setString(1, outcome.status().name());
            st.setString(2, outcome.reference());
            st.setLong(3, caseId);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.translate("record screening of KYC case " + caseId, e);
        }
    }

    private static void insertDocument(Connection connection, long caseId, long accountId, DocumentRow d)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO kyc_documents (case_id, account_id,"
                + " sha256, kind, content_type, size_bytes, ciphertext, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            st.setLong(1, caseId);
            st.setLong(2, accountId);
            st.setString(3, d.sha256());
            st.setString(4, d.kind().name());
            st.setString(5, d.contentType());
            st.setLong(6, d.sizeBytes());
            st.setBytes(7, d.ciphertext());
            Jdbc.setInstant(st, 8, d.uploadedAt());
            st.executeUpdate();
        }
    }

    private List<CaseRow> cases(String sql, long key) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, key);
            try (ResultSet rs = st.executeQuery()) {
                List<CaseRow> rows = new ArrayList<>();
                while (rs.next()) {
                    long reviewedBy = rs.getLong("reviewed_by");
                    Long reviewer = rs.wasNull() ? null : reviewedBy;
                    rows.add(new CaseRow(rs.getLong("id"), rs.getLong("account_id"),
                            KycCaseState.valueOf(rs.getString("state")), rs.getString("nationality"),
                            rs.getString("residency"), rs.getBytes("identity_ciphertext"),
                            ScreeningStatus.valueOf(rs.getString("screening")), rs.getString("screening_reference"),
                            Jdbc.getInstant(rs, "submitted_at"), reviewer, rs.getString("review_reason"),
                            Jdbc.getInstant(rs, "reviewed_at")));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw Sql.translate("read KYC cases", e);
        }
    }

    private Optional<SealedDocument> sealed(String sql, long key, String sha256) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, key);
            st.setString(2, sha256);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SealedDocument(ref(rs), rs.getBytes("ciphertext")));
            }
        } catch (SQLException e) {
            throw Sql.translate("read a KYC document", e);
        }
    }

    private static DocumentRef ref(ResultSet rs) throws SQLException {
        return new DocumentRef(rs.getLong("case_id"), rs.getString("sha256").trim(),
                DocumentKind.valueOf(rs.getString("kind")), rs.getString("content_type"), rs.getLong("size_bytes"),
                Jdbc.getInstant(rs, "uploaded_at"));
    }
}

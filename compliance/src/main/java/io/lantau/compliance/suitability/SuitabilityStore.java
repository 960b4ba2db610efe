package io.lantau.compliance.suitability;

import io.lantau.store.Jdbc;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.lantau.core.InvestorClass;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The suitability records (migration V5): classifications, knowledge assessments, risk profiles and disclosure
 * acknowledgements. Append-only: each change is a new row and the latest row per account is in force, so the
 * history is the audit trail. Thread-safe (a connection per call).
 */
final class SuitabilityStore {
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final DataSource dataSource;

    SuitabilityStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Classification insertClassification(Classification c) {
        String sql = "INSERT INTO investor_classifications (account_id, investor_class, pi_type, evidence_description,"
                + " evidence_sha256, verified_by, classified_by, classified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql)) {
            ProfessionalEvidence e = c.evidence();
            st.setLong(1, c.accountId());
            st.setString(2, c.investorClass().name());
            st.setString(3, c.professionalType() == null ? null : c.professionalType().name());
            st.setString(4, e == null ? null : e.description());
            st.setString(5, e == null ? null : e.documentSha256());
            Jdbc.setLongOrNull(st, 6, e == null ? null : e.verifiedBy());
            st.setLong(7, c.classifiedBy());
            Jdbc.setInstant(st, 8, c.classifiedAt());
            st.executeUpdate();
            return c;
        } catch (SQLException ex) {
            throw Sql.translate("insert classification of account " + c.accountId(), ex);
        }
    }

    Optional<Classification> latestClassification(long accountId) {
        String sql = "SELECT * FROM investor_classifications WHERE account_id = ? ORDER BY id DESC LIMIT 1";
        return queryOne(sql, accountId, rs -> {
            String type = rs.getString("pi_type");
            ProfessionalEvidence evidence = type == null ? null : new ProfessionalEvidence(
                    rs.getString("evidence_description"), rs.getString("evidence_sha256"), rs.getLong("verified_by"));
            return new Classification(accountId, InvestorClass.valueOf(rs.getString("investor_class")),
                    type == null ? null : ProfessionalInvestorType.valueOf(type), evidence,
                    rs.getLong("classified_by"), Jdbc.getInstant(rs, "classified_at"));
        });
    }

    KnowledgeAssessment insertKnowledge(KnowledgeAssessment k) {
        String sql = "INSERT INTO knowledge_assessments (account_id, basis, question_bank_version, score_percent,"
                + " pass_mark_percent, has_training, has_work_experience, has_trading_experience, training_module,"
                + " outcome, answers, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            boolean assessment = k.basis() == KnowledgeAssessment.Basis.ASSESSMENT;
            st.setLong(1, k.accountId());
            st.setString(2, k.basis().name());
            st.setString(3, k.questionBankVersion());
            if (assessment) {
                st.setInt(4, k.scorePercent());
                st.setInt(5, k.passMarkPercent());
            } else {
                st.setNull(4, java.sql.Types.INTEGER);
                st.setNull(5, java.sql.Types.INTEGER);
            }
            st.setBoolean(6, k.hasTraining());
            st.setBoolean(7, k.hasWorkExperience());
            st.setBoolean(8, k.hasTradingExperience());
            st.setString(9, k.trainingModule());
            st.setString(10, k.outcome().name());
            st.setString(11, k.answers() == null ? "{}" : toJson(k.answers()));
            Jdbc.setInstant(st, 12, k.assessedAt());
            st.executeUpdate();
            long id = generatedId(st);
            return new KnowledgeAssessment(id, k.accountId(), k.basis(), k.outcome(), k.questionBankVersion(),
                    k.scorePercent(), k.passMarkPercent(), k.hasTraining(), k.hasWorkExperience(),
                    k.hasTradingExperience(), k.trainingModule(), k.answers(), k.assessedAt());
        } catch (SQLException ex) {
            throw Sql.translate("insert knowledge assessment of account " + k.accountId(), ex);
        }
    }

    Optional<KnowledgeAssessment> latestKnowledge(long accountId) {
        return queryOne("SELECT * FROM knowledge_assessments WHERE account_id = ? ORDER BY id DESC LIMIT 1",
                accountId, SuitabilityStore::knowledge);
    }

    List<KnowledgeAssessment> knowledgeHistory(long accountId) {
        return queryAll("SELECT * FROM knowledge_assessments WHERE account_id = ? ORDER BY id", accountId,
                SuitabilityStore::knowledge);
    }

    RiskProfile insertRiskProfile(RiskProfile r) {
        String sql = "INSERT INTO risk_profiles (account_id, questionnaire_version, answers, score, tier,"
                + " net_worth_minor, other_va_minor, tier_percent, exposure_limit_minor, profiled_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, r.accountId());
            st.setString(2, r.questionnaireVersion());
            st.setString(3, toJson(r.answers()));
            st.setInt(4, r.score());
            st.setString(5, r.tier().name());
            st.setLong(6, r.netWorthMinor());
            st.setLong(7, r.otherVirtualAssetsMinor());
            st.setInt(8, r.tierPercent());
            st.setLong(9, r.exposureLimitMinor());
            Jdbc.setInstant(st, 10, r.profiledAt());
            st.executeUpdate();
            return new RiskProfile(generatedId(st), r.accountId(), r.questionnaireVersion(), r.answers(), r.score(),
                    r.tier(), r.netWorthMinor(), r.otherVirtualAssetsMinor(), r.tierPercent(),
                    r.exposureLimitMinor(), r.profiledAt());
        } catch (SQLException ex) {
            throw Sql.translate("insert risk profile of account " + r.accountId(), ex);
        }
    }

    Optional<RiskProfile> latestRiskProfile(long accountId) {
        return queryOne("SELECT * FROM risk_profiles WHERE account_id = ? ORDER BY id DESC LIMIT 1", accountId,
                rs -> new RiskProfile(rs.getLong("id"), accountId, rs.getString("questionnaire_version"),
                        fromJson(rs.getString("answers"), STRING_MAP), rs.getInt("score"),
                        RiskTier.valueOf(rs.getString("tier")), rs.getLong("net_worth_minor"),
                        rs.getLong("other_va_minor"), rs.getInt("tier_percent"), rs.getLong("exposure_limit_minor"),
                        Jdbc.getInstant(rs, "profiled_at")));
    }

    DisclosureAcknowledgement insertAcknowledgement(DisclosureAcknowledgement a) {
        String sql = "INSERT INTO disclosure_acknowledgements (account_id, disclosure_version, language, text_sha256,"
                + " ip, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, a.accountId());
            st.setString(2, a.version());
            st.setString(3, a.language());
            st.setString(4, a.textSha256());
            st.setString(5, a.ip());
            Jdbc.setInstant(st, 6, a.acknowledgedAt());
            st.executeUpdate();
            return new DisclosureAcknowledgement(generatedId(st), a.accountId(), a.version(), a.language(),
                    a.textSha256(), a.ip(), a.acknowledgedAt());
        } catch (SQLException ex) {
            throw Sql.translate("insert disclosure acknowledgement of account " + a.accountId(), ex);
        }
    }

    Optional<DisclosureAcknowledgement> latestAcknowledgement(long accountId) {
        return queryOne("SELECT * FROM disclosure_acknowledgements WHERE account_id = ? ORDER BY id DESC LIMIT 1",
                accountId, rs -> new DisclosureAcknowledgement(rs.getLong("id"), accountId,
                        rs.getString("disclosure_version"), rs.getString("language"), rs.getString("text_sha256"),
                        rs.getString("ip"), Jdbc.getInstant(rs, "acknowledged_at")));
    }

    private static KnowledgeAssessment knowledge(ResultSet rs) throws SQLException {
        KnowledgeAssessment.Basis basis = KnowledgeAssessment.Basis.valueOf(rs.getString("basis"));
        KnowledgeAnswers answers = basis == KnowledgeAssessment.Basis.ASSESSMENT
                ? fromJson(rs.getString("answers"), new TypeReference<KnowledgeAnswers>() {
                })
                : null;
        return new KnowledgeAssessment(rs.getLong("id"), rs.getLong("account_id"), basis,
                KnowledgeOutcome.valueOf(rs.getString("outcome")), rs.getString("question_bank_version"),
                rs.getInt("score_percent"), rs.getInt("pass_mark_percent"), rs.getBoolean("has_training"),
                rs.getBoolean("has_work_experience"), rs.getBoolean("has_trading_experience"),
                rs.getString("training_module"), answers, Jdbc.getInstant(rs, "assessed_at"));
    }

    private static long generatedId(PreparedStatement st) throws SQLException {
        try (ResultSet keys = st.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated id");
            }
            return keys.getLong(1);
        }
    }

    private <T> Optional<T> queryOne(String sql, long accountId, RowMapper<T> mapper) {
        List<T> rows = queryAll(sql, accountId, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    private <T> List<T> queryAll(String sql, long accountId, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(sql)) {
            st.setLong(1, accountId);
            try (ResultSet rs = st.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        } catch (SQLException ex) {
            throw Sql.translate("read suitability records of account " + accountId, ex);
        }
    }

    private static String toJson(Object value) {
        try {
            return Resources.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write answers as JSON", e);
        }
    }

    private static <T> T fromJson(String json, TypeReference<T> type) {
        try {
            return Resources.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are not valid JSON", e);
        }
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }
}

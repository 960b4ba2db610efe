package io.lantau.compliance.screening;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Screened clients ({@code screening_subjects}) and screening cases ({@code screening_cases}). Methods that take a
 * {@link Connection} run inside the caller's transaction; the others borrow a connection of their own. Thread-safe.
 */
final class ScreeningCaseRepository {
    private static final String CASE_COLUMNS = "id, account_id, list_id, source, data_id, reference_number, "
            + "listed_name, screened_name, score, trigger_kind, status, opened_at, decided_by, decided_at, "
            + "decision_reason";

    private final DataSource dataSource;

    ScreeningCaseRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A client as last screened. */
    record Subject(long accountId, String fullName, List<String> otherNames) {
    }

    /**
     * Records (or updates the names of) a screened client.
     *
     * @return whether the client was new.
     */
    boolean upsertSubject(Connection c, Subject subject, Instant at) throws SQLException {
        String others = String.join("\n", subject.otherNames());
        try (PreparedStatement s = c.prepareStatement("UPDATE screening_subjects SET full_name = ?, other_names = ?, "
                + "last_screened_at = ? WHERE account_id = ?")) {
            s.setString(1, subject.fullName());
            s.setString(2, others);
            Jdbc.setInstant(s, 3, at);
            s.setLong(4, subject.accountId());
            if (s.executeUpdate() == 1) {
                return false;
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO screening_subjects (account_id, full_name, "
                + "other_names, first_screened_at, last_screened_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setLong(1, subject.accountId());
            s.setString(2, subject.fullName());
            s.setString(3, others);
            Jdbc.setInstant(s, 4, at);
            Jdbc.setInstant(s, 5, at);
            s.executeUpdate();
        }
        return true;
    }

    /** Marks every subject screened at {@code at} (a full re-screen). */
    void touchAllSubjects(Connection c, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE screening_subjects SET last_screened_at = ?")) {
            Jdbc.setInstant(s, 1, at);
            s.executeUpdate();
        }
    }

    /** @return every screened client, by account id. */
    List<Subject> subjects() {
        List<Subject> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT account_id, full_name, other_names "
                        + "FROM screening_subjects ORDER BY account_id");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String others = rs.getString(3);
                out.add(new Subject(rs.getLong(1), rs.getString(2),
                        others.isEmpty() ? List.of() : Arrays.asList(others.split("\n"))));
            }
        } catch (SQLException e) {
            throw Sql.translate("read screening subjects", e);
        }
        return out;
    }

    /** Opens a case. */
    ScreeningCase insertCase(Connection c, long accountId, long listId, ScreeningHit hit, ScreeningTrigger trigger,
            Instant at) throws SQLException {
        double score = BigDecimal.valueOf(hit.score()).setScale(4, RoundingMode.DOWN).doubleValue();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO screening_cases (account_id, list_id, source, "
                + "data_id, reference_number, listed_name, screened_name, score, trigger_kind, status, opened_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, accountId);
            s.setLong(2, listId);
            s.setString(3, hit.source());
            s.setString(4, hit.entry().dataId());
            s.setString(5, hit.entry().referenceNumber());
            s.setString(6, hit.listedName());
            s.setString(7, hit.screenedName());
            s.setBigDecimal(8, BigDecimal.valueOf(score).setScale(4, RoundingMode.DOWN));
            s.setString(9, trigger.name());
            s.setString(10, CaseStatus.OPEN.name());
            Jdbc.setInstant(s, 11, at);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new ScreeningCase(keys.getLong(1), accountId, listId, hit.source(), hit.entry().dataId(),
                        hit.entry().referenceNumber(), hit.listedName(), hit.screenedName(), score, trigger,
                        CaseStatus.OPEN, at, null, null, null);
            }
        }
    }

    /** @return the account's cases, oldest first. */
    List<ScreeningCase> casesOf(Connection c, long accountId) throws SQLException {
        return query(c, "SELECT " + CASE_COLUMNS + " FROM screening_cases WHERE account_id = ? ORDER BY id",
                accountId, null);
    }

    /** @return the account's cases, oldest first. */
    List<ScreeningCase> casesOf(long accountId) {
        return withConnection("read screening cases", c -> casesOf(c, accountId));
    }

    /** @return the cases in a status, oldest first. */
    List<ScreeningCase> casesIn(CaseStatus status) {
        return withConnection("read screening cases", c -> query(c, "SELECT " + CASE_COLUMNS
                + " FROM screening_cases WHERE status = ? ORDER BY id", 0, status.name()));
    }

    /** @return the case, if any. */
    Optional<ScreeningCase> find(Connection c, long caseId) throws SQLException {
        return query(c, "SELECT " + CASE_COLUMNS + " FROM screening_cases WHERE id = ?", caseId, null).stream()
                .findFirst();
    }

    /** @return the case, if any. */
    Optional<ScreeningCase> find(long caseId) {
        return withConnection("read screening case", c -> find(c, caseId));
    }

    /** @return the accounts held by an OPEN or CONFIRMED case, ascending. */
    List<Long> frozenAccounts() {
        return withConnection("read frozen accounts", c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT account_id FROM screening_cases "
                    + "WHERE status IN ('OPEN', 'CONFIRMED') ORDER BY account_id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
    }

    /**
     * Decides an OPEN case.
     *
     * @return whether the case was OPEN (and is now decided).
     */
    boolean decide(Connection c, long caseId, CaseStatus status, String officerId, Instant at, String reason)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE screening_cases SET status = ?, decided_by = ?, "
                + "decided_at = ?, decision_reason = ? WHERE id = ? AND status = 'OPEN'")) {
            s.setString(1, status.name());
            s.setString(2, officerId);
            Jdbc.setInstant(s, 3, at);
            s.setString(4, reason);
            s.setLong(5, caseId);
            return s.executeUpdate() == 1;
        }
    }

    private <T> T withConnection(String what, Jdbc.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw Sql.translate(what, e);
        }
    }

    private static List<ScreeningCase> query(Connection c, String sql, long id, String text) throws SQLException {
        List<ScreeningCase> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (text != null) {
                s.setString(1, text);
            } else {
                s.setLong(1, id);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScreeningCase(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("list_id"),
                            rs.getString("source"), rs.getString("data_id"), rs.getString("reference_number"),
                            rs.getString("listed_name"), rs.getString("screened_name"),
                            rs.getBigDecimal("score").doubleValue(),
                            ScreeningTrigger.valueOf(rs.getString("trigger_kind")),
                            CaseStatus.valueOf(rs.getString("status")), Jdbc.getInstant(rs, "opened_at"),
                            rs.getString("decided_by"), Jdbc.getInstant(rs, "decided_at"),
                            rs.getString("decision_reason")));
                }
            }
        }
        return out;
    }
}

package io.lantau.compliance.onboarding;

import io.lantau.store.Jdbc;
import io.lantau.core.AccountStatus;
import io.lantau.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Onboarding accounts, their status history and recorded refusals (migration V5). A status change and its history
 * row are written in one transaction. Thread-safe (a connection per call).
 */
final class OnboardingStore {
    private final DataSource dataSource;

    OnboardingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws io.lantau.store.DuplicateKeyException if the account is registered already. */
    OnboardingAccount register(long accountId, AccountStatus status, String actor, String reason, Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement st = connection.prepareStatement("INSERT INTO onboarding_accounts"
                        + " (account_id, status, registered_at, updated_at) VALUES (?, ?, ?, ?)")) {
                    st.setLong(1, accountId);
                    st.setString(2, status.name());
                    Jdbc.setInstant(st, 3, at);
                    Jdbc.setInstant(st, 4, at);
                    st.executeUpdate();
                }
                insertChange(connection, accountId, null, status, actor, reason, at);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            return new OnboardingAccount(accountId, status, at, at);
        } catch (SQLException e) {
            throw Sql.translate("register account " + accountId, e);
        }
    }

    Optional<OnboardingAccount> find(long accountId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(
                     "SELECT * FROM onboarding_accounts WHERE account_id = ?")) {
            st.setLong(1, accountId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new OnboardingAccount(accountId, AccountStatus.valueOf(rs.getString("status")),
                        Jdbc.getInstant(rs, "registered_at"), Jdbc.getInstant(rs, "updated_at")));
            }
        } catch (SQLException e) {
            throw Sql.translate("read account " + accountId, e);
        }
    }

    /** Moves the account from {@code from} to {@code to}; false if it was no longer in {@code from}. */
    boolean changeStatus(long accountId, AccountStatus from, AccountStatus to, String actor, String reason,
            Instant at) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement st = connection.prepareStatement("UPDATE onboarding_accounts"
                        + " SET status = ?, updated_at = ? WHERE account_id = ? AND status = ?")) {
                    st.setString(1, to.name());
                    Jdbc.setInstant(st, 2, at);
                    st.setLong(3, accountId);
                    st.setString(4, from.name());
                    updated = st.executeUpdate();
                }
                if (updated == 1) {
                    insertChange(connection, accountId, from, to, actor, reason, at);
                }
                connection.commit();
                return updated == 1;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.translate("change status of account " + accountId, e);
        }
    }

    List<StatusChange> history(long accountId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(
                     "SELECT * FROM account_status_changes WHERE account_id = ? ORDER BY id")) {
            st.setLong(1, accountId);
            try (ResultSet rs = st.executeQuery()) {
                List<StatusChange> changes = new ArrayList<>();
                while (rs.next()) {
                    String from = rs.getString("from_status");
                    changes.add(new StatusChange(accountId, from == null ? null : AccountStatus.valueOf(from),
                            AccountStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
                            rs.getString("reason"), Jdbc.getInstant(rs, "changed_at")));
                }
                return changes;
            }
        } catch (SQLException e) {
            throw Sql.translate("read status history of account " + accountId, e);
        }
    }

    void recordRefusal(long accountId, OnboardingRefusal code, String residency, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement("INSERT INTO onboarding_refusals"
                     + " (account_id, code, residency, refused_at) VALUES (?, ?, ?, ?)")) {
            st.setLong(1, accountId);
            st.setString(2, code.name());
            st.setString(3, residency);
            Jdbc.setInstant(st, 4, at);
            st.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate("record refusal of account " + accountId, e);
        }
    }

    List<RecordedRefusal> refusals(long accountId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement st = connection.prepareStatement(
                     "SELECT * FROM onboarding_refusals WHERE account_id = ? ORDER BY id")) {
            st.setLong(1, accountId);
            try (ResultSet rs = st.executeQuery()) {
                List<RecordedRefusal> refusals = new ArrayList<>();
                while (rs.next()) {
                    refusals.add(new RecordedRefusal(accountId, OnboardingRefusal.valueOf(rs.getString("code")),
                            rs.getString("residency"), Jdbc.getInstant(rs, "refused_at")));
                }
                return refusals;
            }
        } catch (SQLException e) {
            throw Sql.translate("read refusals of account " + accountId, e);
        }
    }

    private static void insertChange(Connection connection, long accountId, AccountStatus from, AccountStatus to,
            String actor, String reason, Instant at) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO account_status_changes"
                + " (account_id, from_status, to_status, actor, reason, changed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, accountId);
            st.setString(2, from == null ? null : from.name());
            st.setString(3, to.name());
            st.setString(4, actor);
            st.setString(5, reason);
            Jdbc.setInstant(st, 6, at);
            st.executeUpdate();
        }
    }
}

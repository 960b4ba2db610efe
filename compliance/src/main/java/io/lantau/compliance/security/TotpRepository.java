package io.lantau.compliance.security;

import io.lantau.store.Jdbc;
import io.lantau.store.DuplicateKeyException;
import io.lantau.store.Sql;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** The {@code totp_credentials} table. Thread-safe: each method borrows its own connection and transaction. */
final class TotpRepository {
    /** One user's credential; {@code lastUsedStep} is {@link Long#MIN_VALUE} when no code was accepted yet. */
    record Credential(long userId, byte[] sealedSecret, TotpStatus status, Instant createdAt, Instant confirmedAt,
            long lastUsedStep) {
    }

    private final DataSource dataSource;

    TotpRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Optional<Credential> find(long userId) {
        String sql = "SELECT user_id, secret_ciphertext, status, created_at, confirmed_at, last_used_step "
                + "FROM totp_credentials WHERE user_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Credential(rs.getLong("user_id"), rs.getBytes("secret_ciphertext"),
                        TotpStatus.valueOf(rs.getString("status")), Jdbc.getInstant(rs, "created_at"),
                        Jdbc.getInstant(rs, "confirmed_at"), Jdbc.getLong(rs, "last_used_step", Long.MIN_VALUE)));
            }
        } catch (SQLException e) {
            throw new StoreException("find TOTP credential", e);
        }
    }

    /**
     * Stores a new pending secret, replacing a pending one.
     *
     * @return false if the user has an active credential (nothing changed).
     */
    boolean putPending(long userId, byte[] sealedSecret, Instant now) {
        String update = "UPDATE totp_credentials SET secret_ciphertext = ?, created_at = ?, last_used_step = NULL "
                + "WHERE user_id = ? AND status = 'PENDING'";
        String insert = "INSERT INTO totp_credentials (user_id, secret_ciphertext, status, created_at) "
                + "VALUES (?, ?, 'PENDING', ?)";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(update)) {
                s.setBytes(1, sealedSecret);
                Jdbc.setInstant(s, 2, now);
                s.setLong(3, userId);
                if (s.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement s = c.prepareStatement(insert)) {
                s.setLong(1, userId);
                s.setBytes(2, sealedSecret);
                Jdbc.setInstant(s, 3, now);
                s.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Sql.translate("insert TOTP credential", e) instanceof DuplicateKeyException) {
                    return false; // an active credential (or a concurrent enrolment) holds the row
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("store TOTP secret", e);
        }
    }

    /**
     * Activates the pending credential whose sealed secret is {@code sealedSecret} and records {@code step} as used.
     *
     * @return false if it is no longer that pending credential (replaced, or activated concurrently).
     */
    boolean activate(long userId, byte[] sealedSecret, long step, Instant now) {
        String sql = "UPDATE totp_credentials SET status = 'ACTIVE', confirmed_at = ?, last_used_step = ? "
                + "WHERE user_id = ? AND status = 'PENDING' AND secret_ciphertext = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.setInstant(s, 1, now);
            s.setLong(2, step);
            s.setLong(3, userId);
            s.setBytes(4, sealedSecret);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("activate TOTP credential", e);
        }
    }

    /**
     * Records {@code step} as used if no step at or after it was: the one atomic guard against replay, also between
     * concurrent requests.
     *
     * @return false if {@code step} or a later one was used already.
     */
    boolean consume(long userId, long step) {
        String sql = "UPDATE totp_credentials SET last_used_step = ? WHERE user_id = ? AND status = 'ACTIVE' "
                + "AND (last_used_step IS NULL OR last_used_step < ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, step);
            s.setLong(2, userId);
            s.setLong(3, step);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("use TOTP step", e);
        }
    }

    /** Removes a user's credential (an approved reset). @return whether there was one. */
    boolean delete(Connection c, long userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM totp_credentials WHERE user_id = ?")) {
            s.setLong(1, userId);
            return s.executeUpdate() == 1;
        }
    }
}

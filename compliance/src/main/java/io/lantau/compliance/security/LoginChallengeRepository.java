package io.lantau.compliance.security;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code login_challenges} table: sign-ins between the password and the second factor, kept in the store so that
 * the two steps may reach different gateway processes. Thread-safe: each method borrows its own connection.
 */
public final class LoginChallengeRepository {
    private static final String COLUMNS = "id, user_id, purpose, failures, created_at, expires_at";

    private final DataSource dataSource;

    public LoginChallengeRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new challenge. */
    public void create(LoginChallenge challenge) {
        String sql = "INSERT INTO login_challenges (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, challenge.idHash());
            s.setLong(2, challenge.userId());
            s.setString(3, challenge.purpose().name());
            s.setInt(4, challenge.failures());
            Jdbc.setInstant(s, 5, challenge.createdAt());
            Jdbc.setInstant(s, 6, challenge.expiresAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate("create login challenge", e);
        }
    }

    /** @return the challenge with this id hash if it has not expired at {@code now}. */
    public Optional<LoginChallenge> findLive(String idHash, Instant now) {
        String sql = "SELECT " + COLUMNS + " FROM login_challenges WHERE id = ? AND expires_at > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, idHash);
            Jdbc.setInstant(s, 2, now);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LoginChallenge(rs.getString("id"), rs.getLong("user_id"),
                        LoginChallenge.Purpose.valueOf(rs.getString("purpose")), rs.getInt("failures"),
                        Jdbc.getInstant(rs, "created_at"), Jdbc.getInstant(rs, "expires_at")));
            }
        } catch (SQLException e) {
            throw new StoreException("find login challenge", e);
        }
    }

    /** Counts a wrong code. @return whether the challenge still existed. */
    public boolean recordFailure(String idHash) {
        return update("UPDATE login_challenges SET failures = failures + 1 WHERE id = ?", idHash) == 1;
    }

    /** Ends a challenge (used up, or too many failures). @return whether this call ended it. */
    public boolean delete(String idHash) {
        return update("DELETE FROM login_challenges WHERE id = ?", idHash) == 1;
    }

    /** Removes challenges expired at {@code now}; for a periodic sweep. @return how many. */
    public int deleteExpired(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM login_challenges WHERE expires_at <= ?")) {
            Jdbc.setInstant(s, 1, now);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("sweep login challenges", e);
        }
    }

    private int update(String sql, String idHash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, idHash);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }
}

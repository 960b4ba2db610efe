package io.lantau.store.account;

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
 * The {@code sessions} table. The caller passes the clock ({@code now}) so that expiry is testable. Thread-safe:
 * every method borrows its own connection and runs in its own transaction.
 */
public final class SessionRepository {
    private final DataSource dataSource;

    public SessionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a new session. Thread-safe.
     *
     * @throws io.lantau.store.DuplicateKeyException if a session with the same id hash exists.
     */
    public void create(Session session) {
        String sql = "INSERT INTO sessions (id, user_id, csrf_token_hash, created_at, last_seen_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, session.idHash());
            s.setLong(2, session.userId());
            s.setString(3, session.csrfTokenHash());
            Jdbc.setInstant(s, 4, session.createdAt());
            Jdbc.setInstant(s, 5, session.lastSeenAt());
            Jdbc.setInstant(s, 6, session.expiresAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate("create session", e);
        }
    }

    /** @return the session with this id hash if it has not expired at {@code now}. Thread-safe. */
    public Optional<Session> findLive(String idHash, Instant now) {
        String sql = "SELECT id, user_id, csrf_token_hash, created_at, last_seen_at, expires_at FROM sessions "
                + "WHERE id = ? AND expires_at > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, idHash);
            Jdbc.setInstant(s, 2, now);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Session(rs.getString("id"), rs.getLong("user_id"),
                        rs.getString("csrf_token_hash"), Jdbc.getInstant(rs, "created_at"),
                        Jdbc.getInstant(rs, "last_seen_at"), Jdbc.getInstant(rs, "expires_at")));
            }
        } catch (SQLException e) {
            throw new StoreException("find session", e);
        }
    }

    /**
     * Records activity on a live session and slides its expiry. Thread-safe.
     *
     * @return whether the session existed and was live at {@code now}.
     */
    public boolean touch(String idHash, Instant now, Instant newExpiresAt) {
        String sql = "UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id = ? AND expires_at > ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.setInstant(s, 1, now);
            Jdbc.setInstant(s, 2, newExpiresAt);
            s.setString(3, idHash);
            Jdbc.setInstant(s, 4, now);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("touch session", e);
        }
    }

    /** Ends one session (sign-out). Thread-safe. @return whether it existed. */
    public boolean delete(String idHash) {
        return update("DELETE FROM sessions WHERE id = ?", s -> s.setString(1, idHash)) == 1;
    }

    /** Ends every session of a user (password change, suspension). Thread-safe. @return how many ended. */
    public int deleteAllOfUser(long userId) {
        return update("DELETE FROM sessions WHERE user_id = ?", s -> s.setLong(1, userId));
    }

    /** Removes sessions expired at {@code now}; for a periodic sweep. Thread-safe. @return how many. */
    public int deleteExpired(Instant now) {
        return update("DELETE FROM sessions WHERE expires_at <= ?", s -> Jdbc.setInstant(s, 1, now));
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}

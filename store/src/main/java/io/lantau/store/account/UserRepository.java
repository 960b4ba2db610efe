package io.lantau.store.account;

import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code users} table. Thread-safe: every method borrows its own connection and runs in its own transaction.
 */
public final class UserRepository {
    private static final String COLUMNS = "id, email, password_hash, status, created_at";

    private final DataSource dataSource;

    public UserRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Registers a user with a new id (which becomes its core account id). Thread-safe.
     *
     * @param email        the email as typed; compared case-insensitively.
     * @param passwordHash the gateway's password hash, stored as is.
     * @return the stored user.
     * @throws io.lantau.store.DuplicateKeyException if the email (in any case) is already registered.
     */
    public User create(String email, String passwordHash, UserStatus status, Instant createdAt) {
        String sql = "INSERT INTO users (email, email_key, password_hash, status, created_at) VALUES (?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, email);
            s.setString(2, emailKey(email));
            s.setString(3, passwordHash);
            s.setString(4, status.name());
            Jdbc.setInstant(s, 5, createdAt);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new User(keys.getLong(1), email, passwordHash, status, createdAt);
            }
        } catch (SQLException e) {
            throw Sql.translate("create user", e);
        }
    }

    /** @return the user with this id, if any. Thread-safe. */
    public Optional<User> findById(long id) {
        return findOne("SELECT " + COLUMNS + " FROM users WHERE id = ?", id, null);
    }

    /** @return the user registered with this email in any case, if any. Thread-safe. */
    public Optional<User> findByEmail(String email) {
        return findOne("SELECT " + COLUMNS + " FROM users WHERE email_key = ?", 0, emailKey(email));
    }

    /**
     * Changes a user's status. Thread-safe.
     *
     * @return whether the user exists.
     */
    public boolean updateStatus(long id, UserStatus status) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE users SET status = ? WHERE id = ?")) {
            s.setString(1, status.name());
            s.setLong(2, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("update user status", e);
        }
    }

    /**
     * Replaces a user's password hash. Thread-safe.
     *
     * @return whether the user exists.
     */
    public boolean updatePasswordHash(long id, String passwordHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
            s.setString(1, passwordHash);
            s.setLong(2, id);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("update password hash", e);
        }
    }

    private Optional<User> findOne(String sql, long id, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (key == null) {
                s.setLong(1, id);
            } else {
                s.setString(1, key);
            }
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new User(rs.getLong("id"), rs.getString("email"), rs.getString("password_hash"),
                        UserStatus.valueOf(rs.getString("status")), Jdbc.getInstant(rs, "created_at")));
            }
        } catch (SQLException e) {
            throw new StoreException("find user", e);
        }
    }

    private static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}

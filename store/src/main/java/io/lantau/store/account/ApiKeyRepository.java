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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code api_keys} table. Keys are never deleted: revoking stamps {@code revoked_at}, and a revoked key is never
 * found by {@link #findActive(String)} again. Thread-safe: every method borrows its own connection and runs in its
 * own transaction.
 */
public final class ApiKeyRepository {
    private static final String COLUMNS = "id, user_id, api_key, key_type, secret_ciphertext, ed25519_public_key, "
            + "can_read, can_trade, can_withdraw, ip_allowlist, label, created_at, revoked_at";

    private final DataSource dataSource;

    public ApiKeyRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores a new key. Thread-safe.
     *
     * @return the stored key with its id.
     * @throws io.lantau.store.DuplicateKeyException if the api key string is already taken.
     */
    public ApiKey create(NewApiKey key) {
        String sql = "INSERT INTO api_keys (user_id, api_key, key_type, secret_ciphertext, ed25519_public_key, "
                + "can_read, can_trade, can_withdraw, ip_allowlist, label, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, key.userId());
            s.setString(2, key.apiKey());
            s.setString(3, key.keyType().name());
            s.setBytes(4, key.secretCiphertext());
            s.setBytes(5, key.ed25519PublicKey());
            s.setBoolean(6, key.permissions().canRead());
            s.setBoolean(7, key.permissions().canTrade());
            s.setBoolean(8, key.permissions().canWithdraw());
            s.setString(9, key.ipAllowlist());
            s.setString(10, key.label());
            Jdbc.setInstant(s, 11, key.createdAt());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return new ApiKey(keys.getLong(1), key.userId(), key.apiKey(), key.keyType(), key.secretCiphertext(),
                        key.ed25519PublicKey(), key.permissions(), key.ipAllowlist(), key.label(), key.createdAt(),
                        null);
            }
        } catch (SQLException e) {
            throw Sql.translate("create api key", e);
        }
    }

    /** @return the key with this public string if it is not revoked: what request authentication looks up. */
    public Optional<ApiKey> findActive(String apiKey) {
        String sql = "SELECT " + COLUMNS + " FROM api_keys WHERE api_key = ? AND revoked_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, apiKey);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("find api key", e);
        }
    }

    /** @return all keys of the user, revoked ones included, oldest first. Thread-safe. */
    public List<ApiKey> listByUser(long userId) {
        String sql = "SELECT " + COLUMNS + " FROM api_keys WHERE user_id = ? ORDER BY id";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                List<ApiKey> keys = new ArrayList<>();
                while (rs.next()) {
                    keys.add(read(rs));
                }
                return keys;
            }
        } catch (SQLException e) {
            throw new StoreException("list api keys", e);
        }
    }

    /**
     * Revokes one of the user's own keys. Thread-safe.
     *
     * @return true if the key existed, belonged to {@code userId} and was active; false otherwise (another user's
     *         key is left untouched, as if it did not exist).
     */
    public boolean revoke(long userId, long keyId, Instant revokedAt) {
        String sql = "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            Jdbc.setInstant(s, 1, revokedAt);
            s.setLong(2, keyId);
            s.setLong(3, userId);
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("revoke api key", e);
        }
    }

    private static ApiKey read(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("api_key"),
                ApiKeyType.valueOf(rs.getString("key_type")), rs.getBytes("secret_ciphertext"),
                rs.getBytes("ed25519_public_key"),
                new ApiKeyPermissions(rs.getBoolean("can_read"), rs.getBoolean("can_trade"),
                        rs.getBoolean("can_withdraw")),
                rs.getString("ip_allowlist"), rs.getString("label"), Jdbc.getInstant(rs, "created_at"),
                Jdbc.getInstant(rs, "revoked_at"));
    }
}

package io.lantau.compliance.security;

import io.lantau.store.Jdbc;
import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Who holds which staff role (table {@code staff_roles}). Roles change only through an approved {@link RoleChange}
 * (maker-checker), except {@link #bootstrap}, which the wiring or the {@code lantau admin} command line uses to name
 * the first staff of a new deployment. Thread-safe; blocking (JDBC).
 */
public final class StaffDirectory {
    private final DataSource dataSource;

    public StaffDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the roles {@code userId} holds; empty for a client. */
    public Set<StaffRole> rolesOf(long userId) {
        try (Connection c = dataSource.getConnection()) {
            return rolesOf(c, userId);
        } catch (SQLException e) {
            throw new StoreException("read staff roles", e);
        }
    }

    /** @return every member of staff with their roles, by user id. */
    public List<StaffMember> staff() {
        String sql = "SELECT r.user_id, u.email, r.role FROM staff_roles r JOIN users u ON u.id = r.user_id "
                + "ORDER BY r.user_id, r.role";
        Map<Long, String> emails = new LinkedHashMap<>();
        Map<Long, Set<StaffRole>> roles = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long userId = rs.getLong("user_id");
                emails.put(userId, rs.getString("email"));
                roles.computeIfAbsent(userId, k -> EnumSet.noneOf(StaffRole.class))
                        .add(StaffRole.valueOf(rs.getString("role")));
            }
        } catch (SQLException e) {
            throw new StoreException("list staff", e);
        }
        List<StaffMember> members = new ArrayList<>(roles.size());
        roles.forEach((userId, held) -> members.add(new StaffMember(userId, emails.get(userId), held)));
        return members;
    }

    /**
     * Grants a role outside maker-checker: only for naming the first staff of a deployment (no approver exists yet).
     * The caller records it in the audit trail.
     *
     * @return whether the role was newly granted (false if already held).
     */
    public boolean bootstrap(long userId, StaffRole role, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            return grant(c, userId, role, 0, at);
        } catch (SQLException e) {
            throw new StoreException("bootstrap staff role", e);
        }
    }

    /** @return whether a user with this id exists. */
    public boolean userExists(long userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT 1 FROM users WHERE id = ?")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StoreException("find user", e);
        }
    }

    static Set<StaffRole> rolesOf(Connection c, long userId) throws SQLException {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        try (PreparedStatement s = c.prepareStatement("SELECT role FROM staff_roles WHERE user_id = ?")) {
            s.setLong(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roles.add(StaffRole.valueOf(rs.getString(1)));
                }
            }
        }
        return roles;
    }

    /** Grants inside the caller's transaction. @return whether newly granted. */
    static boolean grant(Connection c, long userId, StaffRole role, long approvalId, Instant at) throws SQLException {
        if (rolesOf(c, userId).contains(role)) {
            return false;
        }
        String sql = "INSERT INTO staff_roles (user_id, role, granted_at, approval_id) VALUES (?, ?, ?, ?)";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, userId);
            s.setString(2, role.name());
            Jdbc.setInstant(s, 3, at);
            if (approvalId == 0) {
                s.setNull(4, java.sql.Types.BIGINT);
            } else {
                s.setLong(4, approvalId);
            }
            return s.executeUpdate() == 1;
        }
    }

    /** Revokes inside the caller's transaction. @return whether it was held. */
    static boolean revoke(Connection c, long userId, StaffRole role) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM staff_roles WHERE user_id = ? AND role = ?")) {
            s.setLong(1, userId);
            s.setString(2, role.name());
            return s.executeUpdate() == 1;
        }
    }
}

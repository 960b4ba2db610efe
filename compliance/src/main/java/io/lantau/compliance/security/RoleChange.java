package io.lantau.compliance.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Granting or revoking a staff role: itself a maker-checker action ({@value #ACTION}). An operator admin requests it;
 * a compliance officer or another operator admin approves it, never the user whose role changes.
 *
 * @param userId the user whose roles change.
 * @param role   the role.
 * @param grant  true to grant, false to revoke.
 */
public record RoleChange(long userId, StaffRole role, boolean grant) {
    /** The action type. */
    public static final String ACTION = "ROLE_CHANGE";
    /** Who may request and approve a role change. */
    public static final ApprovalRule RULE = new ApprovalRule(ACTION, Set.of(StaffRole.OPERATOR_ADMIN),
            Set.of(StaffRole.OPERATOR_ADMIN, StaffRole.COMPLIANCE_OFFICER));
    private static final Pattern PAYLOAD = Pattern.compile(
            "\\{\"userId\":([1-9][0-9]{0,17}),\"role\":\"([A-Z_]{1,32})\",\"grant\":(true|false)\\}");

    public RoleChange {
        Objects.requireNonNull(role, "role");
    }

    /** @return the payload text: a JSON object with exactly these three fields in this order. */
    public String payload() {
        return "{\"userId\":" + userId + ",\"role\":\"" + role.name() + "\",\"grant\":" + grant + "}";
    }

    /**
     * @return the role change a payload written by {@link #payload()} describes.
     * @throws SecurityRefusedException {@link SecurityRefusal#INVALID_PAYLOAD} for any other text.
     */
    public static RoleChange parse(String payload) {
        Matcher m = payload == null ? null : PAYLOAD.matcher(payload);
        if (m == null || !m.matches()) {
            throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD);
        }
        StaffRole role;
        try {
            role = StaffRole.valueOf(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD, "role");
        }
        return new RoleChange(Long.parseLong(m.group(1)), role, Boolean.parseBoolean(m.group(3)));
    }

    /** Validates against the current roles and applies on approval. */
    static final class Handler implements ApprovalHandler {
        private final StaffDirectory staff;
        private final SecurityAuditSink audit;
        private final Clock clock;

        Handler(StaffDirectory staff, SecurityAuditSink audit, Clock clock) {
            this.staff = staff;
            this.audit = audit;
            this.clock = clock;
        }

        @Override
        public long validate(String payload) {
            RoleChange change = parse(payload);
            if (!staff.userExists(change.userId())) {
                throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD, "no such user");
            }
            boolean held = staff.rolesOf(change.userId()).contains(change.role());
            if (held == change.grant()) {
                throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD,
                        change.grant() ? "role already held" : "role not held");
            }
            return change.userId();
        }

        @Override
        public void execute(Approval approval, Connection connection) throws SQLException {
            RoleChange change = parse(approval.payload());
            // A grant of a role held meanwhile, or a revoke of one gone, is a no-op: the end state is what was asked.
            if (change.grant()) {
                StaffDirectory.grant(connection, change.userId(), change.role(), approval.id(), clock.instant());
            } else {
                StaffDirectory.revoke(connection, change.userId(), change.role());
            }
        }

        @Override
        public void afterCommit(Approval approval) {
            RoleChange change = parse(approval.payload());
            audit.record(new SecurityEvent(SecurityEventType.ROLE_CHANGE, approval.decidedBy(), change.userId(),
                    (change.grant() ? "granted " : "revoked ") + change.role() + " (approval " + approval.id()
                            + ", requested by " + approval.requesterId() + ")", null, approval.decidedAt()));
        }
    }
}

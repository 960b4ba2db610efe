package io.lantau.custody.hotcold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lantau.compliance.security.Approval;
import io.lantau.compliance.security.ApprovalHandler;
import io.lantau.compliance.security.ApprovalRule;
import io.lantau.compliance.security.ApprovalService;
import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.SecurityRefusal;
import io.lantau.compliance.security.SecurityRefusedException;
import io.lantau.compliance.security.StaffDirectory;
import io.lantau.compliance.security.StaffRole;
import io.lantau.store.Jdbc;
import io.lantau.store.Sql;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Cold-to-hot top-ups with two approvals by staff of two different roles (HK-17: minimise transactions out of cold
 * storage; the scope of authority of each function).
 *
 * <p>Built on the platform's maker-checker ({@link ApprovalService}, action {@value #ACTION}): a custody officer or
 * operator requests a top-up; it then needs two approvals in turn, each a maker-checker request of its own that
 * {@link #approve} decides. The first approver approves in one of {@link #APPROVER_ROLES}; the second must be another
 * person ({@code SAME_APPROVER_TWICE}) approving in the other role ({@code SAME_ROLE_TWICE}); the requester can
 * approve neither ({@code SELF_APPROVAL_FORBIDDEN}). Only the second approval moves the amount from cold to hot, in
 * the same transaction that records it. The same rules are checked again inside that transaction and by the table's
 * constraints, so an approval through the generic approvals endpoint cannot skip them. A top-up that would take the
 * hot wallet above its cap is refused ({@code TOPUP_ABOVE_HOT_CAP}, HK-16). Thread-safe.
 */
public final class ColdToHotTopUps {
    /** The maker-checker action type. */
    public static final String ACTION = "COLD_TO_HOT";
    /** The roles whose holders approve; a top-up needs one approval in each. */
    public static final Set<StaffRole> APPROVER_ROLES = Set.of(StaffRole.CUSTODY_OFFICER, StaffRole.COMPLIANCE_OFFICER);
    /** The roles whose holders may request a top-up. */
    public static final Set<StaffRole> REQUESTER_ROLES = Set.of(StaffRole.CUSTODY_OFFICER, StaffRole.OPERATOR_ADMIN);
    /** The maker-checker matrix row (exported for audit with the other rules). */
    public static final ApprovalRule RULE = new ApprovalRule(ACTION, REQUESTER_ROLES, APPROVER_ROLES);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final ApprovalService approvals;
    private final StaffDirectory staff;
    private final TierBalances tiers;
    private final HotColdPolicy policy;
    private final Clock clock;

    /** Registers the {@value #ACTION} action with {@code approvals}; construct once at start-up. */
    public ColdToHotTopUps(DataSource dataSource, ApprovalService approvals, StaffDirectory staff, TierBalances tiers,
            HotColdPolicy policy, Clock clock) {
        this.dataSource = dataSource;
        this.approvals = approvals;
        this.staff = staff;
        this.tiers = tiers;
        this.policy = policy;
        this.clock = clock;
        approvals.register(RULE, new Handler());
    }

    /**
     * Requests a top-up of the hot wallet from cold storage; nothing moves until two approvals.
     *
     * @throws HotColdException {@code ROLE_REQUIRED}, {@code INVALID_AMOUNT}, {@code INSUFFICIENT_TIER_BALANCE} or
     *                          {@code TOPUP_ABOVE_HOT_CAP}; nothing is stored.
     */
    public TopUp request(int assetId, long amountMinor, long requesterId) {
        if (!hasAny(requesterId, REQUESTER_ROLES)) {
            throw new HotColdException(HotColdRefusal.ROLE_REQUIRED, "a custody officer or operator requests");
        }
        checkMovable(assetId, amountMinor, tiers.balance(assetId, WalletTier.HOT),
                tiers.balance(assetId, WalletTier.COLD));
        Instant now = clock.instant();
        long id = Jdbc.inTransaction(dataSource, "request a top-up", c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO cold_to_hot_topups (asset_id, amount_minor,"
                    + " requested_by, status, requested_at) VALUES (?, ?, ?, 'PENDING', ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                s.setInt(1, assetId);
                s.setLong(2, amountMinor);
                s.setLong(3, requesterId);
                Jdbc.setInstant(s, 4, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        fileApproval(id, 1, requesterId);
        return find(id).orElseThrow();
    }

    /**
     * Gives the next approval of a top-up: the first records it, the second executes the move.
     *
     * @throws HotColdException {@code TOPUP_NOT_FOUND}, {@code TOPUP_ALREADY_EXECUTED}, {@code SAME_APPROVER_TWICE},
     *                          {@code SAME_ROLE_TWICE}, {@code ROLE_REQUIRED}; the maker-checker's own refusals
     *                          ({@code SELF_APPROVAL_FORBIDDEN}, ...) come as {@link SecurityRefusedException}.
     */
    public TopUp approve(long topUpId, long approverId) {
        TopUp topUp = find(topUpId).orElseThrow(() -> new HotColdException(HotColdRefusal.TOPUP_NOT_FOUND, null));
        roleFor(topUp, approverId, staff.rolesOf(approverId));
        if (topUp.pendingApproval() == 0) {
            // A crash between the first approval and filing the second request: file it now.
            fileApproval(topUpId, 2, topUp.requestedBy());
            topUp = find(topUpId).orElseThrow();
        }
        approvals.approve(topUp.pendingApproval(), approverId);
        TopUp after = find(topUpId).orElseThrow();
        if (after.status().equals("FIRST_APPROVED")) {
            fileApproval(topUpId, 2, after.requestedBy());
            after = find(topUpId).orElseThrow();
        }
        return after;
    }

    /** @return the top-up, if any. */
    public Optional<TopUp> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id, false);
        } catch (SQLException e) {
            throw Sql.translate("read top-up " + id, e);
        }
    }

    /** @return top-ups newest first (at most 200). */
    public List<TopUp> list() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM cold_to_hot_topups ORDER BY id DESC LIMIT 200");
                ResultSet rs = s.executeQuery()) {
            List<TopUp> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.translate("list top-ups", e);
        }
    }

    /**
     * @return the role the approver gives this approval in: for the first, one of {@link #APPROVER_ROLES} they hold
     *     (custody officer first); for the second, one they hold other than the first's.
     */
    private static StaffRole roleFor(TopUp topUp, long approverId, Set<StaffRole> held) {
        if (topUp.status().equals("EXECUTED")) {
            throw new HotColdException(HotColdRefusal.TOPUP_ALREADY_EXECUTED, null);
        }
        boolean second = topUp.status().equals("FIRST_APPROVED");
        if (second && topUp.firstApprover() == approverId) {
            throw new HotColdException(HotColdRefusal.SAME_APPROVER_TWICE, null);
        }
        for (StaffRole role : List.of(StaffRole.CUSTODY_OFFICER, StaffRole.COMPLIANCE_OFFICER)) {
            if (held.contains(role) && !(second && role.name().equals(topUp.firstRole()))) {
                return role;
            }
        }
        if (second && held.stream().anyMatch(APPROVER_ROLES::contains)) {
            throw new HotColdException(HotColdRefusal.SAME_ROLE_TWICE, "the second approval needs the other role");
        }
        throw new HotColdException(HotColdRefusal.ROLE_REQUIRED, "a custody or compliance officer approves");
    }

    private void checkMovable(int assetId, long amountMinor, long hot, long cold) {
        if (amountMinor <= 0) {
            throw new HotColdException(HotColdRefusal.INVALID_AMOUNT, null);
        }
        if (amountMinor > cold) {
            throw new HotColdException(HotColdRefusal.INSUFFICIENT_TIER_BALANCE, "cold holds " + cold);
        }
        if (Math.addExact(hot, amountMinor) > policy.maxHotMinor(Math.addExact(hot, cold))) {
            throw new HotColdException(HotColdRefusal.TOPUP_ABOVE_HOT_CAP,
                    "the hot wallet may hold " + policy.maxHotMinor(hot + cold) + " of asset " + assetId);
        }
    }

    private void fileApproval(long topUpId, int stage, long requesterId) {
        String payload = JSON.createObjectNode().put("topUp", topUpId).put("stage", stage).toString();
        Approval approval = approvals.request(ACTION, requesterId, payload);
        Jdbc.inTransaction(dataSource, "link top-up approval", c -> {
            String column = stage == 1 ? "first_approval_id" : "second_approval_id";
            try (PreparedStatement s = c.prepareStatement("UPDATE cold_to_hot_topups SET " + column + " = ?"
                    + " WHERE id = ?")) {
                s.setLong(1, approval.id());
                s.setLong(2, topUpId);
                s.executeUpdate();
            }
            return null;
        });
    }

    private boolean hasAny(long userId, Set<StaffRole> roles) {
        return staff.rolesOf(userId).stream().anyMatch(roles::contains);
    }

    private static Optional<TopUp> find(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM cold_to_hot_topups WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private static TopUp row(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        long pending = switch (status) {
            case "PENDING" -> Jdbc.getLong(rs, "first_approval_id", 0);
            case "FIRST_APPROVED" -> Jdbc.getLong(rs, "second_approval_id", 0);
            default -> 0;
        };
        return new TopUp(rs.getLong("id"), rs.getInt("asset_id"), rs.getLong("amount_minor"),
                rs.getLong("requested_by"), status, Jdbc.getLong(rs, "first_approver", 0), rs.getString("first_role"),
                Jdbc.getLong(rs, "second_approver", 0), rs.getString("second_role"), pending,
                Jdbc.getInstant(rs, "requested_at"), Jdbc.getInstant(rs, "executed_at"));
    }

    /** What an approved {@value #ACTION} request does, inside the transaction that marks it approved. */
    private final class Handler implements ApprovalHandler {
        @Override
        public long validate(String payload) {
            parse(payload);
            return SecurityEvent.UNKNOWN_USER;
        }

        @Override
        public void execute(Approval approval, Connection c) throws SQLException {
            long[] parsed = parse(approval.payload());
            TopUp topUp = find(c, parsed[0], true)
                    .orElseThrow(() -> new HotColdException(HotColdRefusal.TOPUP_NOT_FOUND, null));
            if (topUp.pendingApproval() != approval.id()) {
                throw new HotColdException(HotColdRefusal.TOPUP_ALREADY_EXECUTED, "not the pending approval");
            }
            StaffRole role = roleFor(topUp, approval.decidedBy(), staff.rolesOf(approval.decidedBy()));
            Instant now = clock.instant();
            if (parsed[1] == 1) {
                update(c, "UPDATE cold_to_hot_topups SET status = 'FIRST_APPROVED', first_approver = ?,"
                        + " first_role = ? WHERE id = ? AND status = 'PENDING'", approval.decidedBy(), role, topUp.id(),
                        null);
                return;
            }
            checkMovable(topUp.assetId(), topUp.amountMinor(),
                    TierBalances.balance(c, topUp.assetId(), WalletTier.HOT, true),
                    TierBalances.balance(c, topUp.assetId(), WalletTier.COLD, true));
            tiers.move(c, topUp.assetId(), WalletTier.COLD, WalletTier.HOT, topUp.amountMinor());
            update(c, "UPDATE cold_to_hot_topups SET status = 'EXECUTED', second_approver = ?, second_role = ?,"
                    + " executed_at = ? WHERE id = ? AND status = 'FIRST_APPROVED'", approval.decidedBy(), role,
                    topUp.id(), now);
        }

        private void update(Connection c, String sql, long approver, StaffRole role, long topUpId, Instant at)
                throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setLong(i++, approver);
                s.setString(i++, role.name());
                if (at != null) {
                    Jdbc.setInstant(s, i++, at);
                }
                s.setLong(i, topUpId);
                if (s.executeUpdate() != 1) {
                    throw new HotColdException(HotColdRefusal.TOPUP_ALREADY_EXECUTED, null);
                }
            }
        }

        private long[] parse(String payload) {
            try {
                JsonNode node = JSON.readTree(payload);
                if (node != null && node.path("topUp").canConvertToLong() && node.path("topUp").asLong() > 0
                        && (node.path("stage").asInt() == 1 || node.path("stage").asInt() == 2)) {
                    return new long[] {node.get("topUp").asLong(), node.get("stage").asInt()};
                }
            } catch (IOException e) {
                // falls through to the refusal
            }
            throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD, "{topUp, stage}");
        }
    }
}

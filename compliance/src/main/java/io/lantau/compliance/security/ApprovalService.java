package io.lantau.compliance.security;

import io.lantau.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Maker-checker for sensitive actions (HK-17; the "the approver must differ from the requester"). A maker
 * {@linkplain #request requests} an action with a payload; it waits PENDING until a checker {@linkplain #approve
 * approves} it, which executes the action's {@link ApprovalHandler} exactly once, or {@linkplain #reject rejects} it.
 *
 * <p>Rules, checked before anything changes (each refusal a {@link SecurityRefusal}): the action must be registered
 * ({@code UNKNOWN_ACTION}); the maker must hold one of its requester roles ({@code REQUESTER_ROLE_REQUIRED}); a
 * decision needs a pending request ({@code APPROVAL_NOT_FOUND}, {@code APPROVAL_ALREADY_DECIDED}), a checker who is
 * not the maker ({@code SELF_APPROVAL_FORBIDDEN}; the schema refuses it too) and not the user the action is about
 * ({@code SUBJECT_APPROVAL_FORBIDDEN}), and who holds one of its approver roles ({@code APPROVER_ROLE_REQUIRED}).
 *
 * <p>Exactly once: approval locks the request's row, checks it is pending, runs the handler and marks it approved in
 * one transaction; a concurrent second approval waits for the lock and then finds it decided. Actions are registered
 * at start-up ({@link #register}); {@link RoleChange} is registered by the constructor. Thread-safe; blocking (JDBC).
 */
public final class ApprovalService {
    /** The longest payload stored. */
    public static final int MAX_PAYLOAD_CHARS = 4000;
    /** The longest rejection reason stored. */
    public static final int MAX_REASON_CHARS = 500;
    private static final int MAX_LISTED = 500;

    private record Registered(ApprovalRule rule, ApprovalHandler handler) {
    }

    private final DataSource dataSource;
    private final SecurityAuditSink audit;
    private final Clock clock;
    private final Map<String, Registered> actions = new ConcurrentHashMap<>();

    /**
     * @param dataSource the relational store ({@code approvals}, {@code staff_roles}).
     * @param audit      receives APPROVAL_* and ROLE_CHANGE events.
     * @param clock      the wall clock for the request and decision times.
     */
    public ApprovalService(DataSource dataSource, SecurityAuditSink audit, Clock clock) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        register(RoleChange.RULE, new RoleChange.Handler(new StaffDirectory(dataSource), audit, clock));
    }

    /**
     * Registers an action type with its rule and handler; call at start-up.
     *
     * @throws IllegalStateException if the action type is registered already.
     */
    public void register(ApprovalRule rule, ApprovalHandler handler) {
        if (actions.putIfAbsent(rule.action(), new Registered(rule, handler)) != null) {
            throw new IllegalStateException("action already registered: " + rule.action());
        }
    }

    /** @return the maker-checker matrix, by action type: for the audit export (HK-17). */
    public List<ApprovalRule> rules() {
        Map<String, ApprovalRule> sorted = new TreeMap<>();
        actions.forEach((action, registered) -> sorted.put(action, registered.rule()));
        return List.copyOf(sorted.values());
    }

    /**
     * Records a request, PENDING until a checker decides.
     *
     * @param action      a registered action type.
     * @param requesterId the maker.
     * @param payload     the action's parameters, as its handler reads them.
     * @return the stored request.
     */
    public Approval request(String action, long requesterId, String payload) {
        Registered registered = registered(action);
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS) {
            throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD, "at most " + MAX_PAYLOAD_CHARS);
        }
        Approval approval;
        try (Connection c = dataSource.getConnection()) {
            if (Collections.disjoint(StaffDirectory.rolesOf(c, requesterId), registered.rule().requesterRoles())) {
                throw new SecurityRefusedException(SecurityRefusal.REQUESTER_ROLE_REQUIRED);
            }
            long subject = registered.handler().validate(payload);
            approval = ApprovalRepository.insert(c, action, requesterId, subject, payload, clock.instant());
        } catch (SQLException e) {
            throw new StoreException("request approval", e);
        }
        audit.record(new SecurityEvent(SecurityEventType.APPROVAL_REQUESTED, requesterId, approval.subjectUserId(),
                "approval " + approval.id() + " " + action, null, approval.requestedAt()));
        return approval;
    }

    /**
     * Approves a pending request and executes its action once.
     *
     * @return the approved request.
     */
    public Approval approve(long id, long approverId) {
        Approval approved = decide(id, approverId, ApprovalStatus.APPROVED, null);
        registered(approved.action()).handler().afterCommit(approved);
        audit.record(new SecurityEvent(SecurityEventType.APPROVAL_APPROVED, approverId, approved.subjectUserId(),
                "approval " + id + " " + approved.action() + " requested by " + approved.requesterId(), null,
                approved.decidedAt()));
        return approved;
    }

    /**
     * Rejects a pending request; its action never executes. The same checker rules as {@link #approve} apply.
     *
     * @param reason why, or null; at most {@value #MAX_REASON_CHARS} characters.
     * @return the rejected request.
     */
    public Approval reject(long id, long approverId, String reason) {
        if (reason != null && reason.length() > MAX_REASON_CHARS) {
            throw new SecurityRefusedException(SecurityRefusal.INVALID_PAYLOAD, "reason: at most " + MAX_REASON_CHARS);
        }
        Approval rejected = decide(id, approverId, ApprovalStatus.REJECTED, reason);
        audit.record(new SecurityEvent(SecurityEventType.APPROVAL_REJECTED, approverId, rejected.subjectUserId(),
                "approval " + id + " " + rejected.action() + " requested by " + rejected.requesterId(), null,
                rejected.decidedAt()));
        return rejected;
    }

    /** @return the request, if any. */
    public Optional<Approval> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return ApprovalRepository.find(c, id, false);
        } catch (SQLException e) {
            throw new StoreException("find approval", e);
        }
    }

    /** @return the pending requests, oldest first (at most 500). */
    public List<Approval> pending() {
        try (Connection c = dataSource.getConnection()) {
            return ApprovalRepository.list(c, ApprovalStatus.PENDING, MAX_LISTED);
        } catch (SQLException e) {
            throw new StoreException("list approvals", e);
        }
    }

    private Approval decide(long id, long deciderId, ApprovalStatus status, String reason) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Approval decided = decideIn(c, id, deciderId, status, reason);
                c.commit();
                return decided;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("decide approval " + id, e);
        }
    }

    private Approval decideIn(Connection c, long id, long deciderId, ApprovalStatus status, String reason)
            throws SQLException {
        Approval pending = ApprovalRepository.find(c, id, true)
                .orElseThrow(() -> new SecurityRefusedException(SecurityRefusal.APPROVAL_NOT_FOUND));
        if (pending.status() != ApprovalStatus.PENDING) {
            throw new SecurityRefusedException(SecurityRefusal.APPROVAL_ALREADY_DECIDED);
        }
        if (pending.requesterId() == deciderId) {
            throw new SecurityRefusedException(SecurityRefusal.SELF_APPROVAL_FORBIDDEN);
        }
        if (pending.subjectUserId() == deciderId) {
            throw new SecurityRefusedException(SecurityRefusal.SUBJECT_APPROVAL_FORBIDDEN);
        }
        Registered registered = registered(pending.action());
        Set<StaffRole> roles = StaffDirectory.rolesOf(c, deciderId);
        if (Collections.disjoint(roles, registered.rule().approverRoles())) {
            throw new SecurityRefusedException(SecurityRefusal.APPROVER_ROLE_REQUIRED);
        }
        Instant now = clock.instant();
        Approval decided = new Approval(pending.id(), pending.action(), pending.requesterId(),
                pending.subjectUserId(), pending.payload(), status, pending.requestedAt(), deciderId, now, reason);
        if (status == ApprovalStatus.APPROVED) {
            try {
                registered.handler().execute(decided, c);
            } catch (SecurityRefusedException | StoreException e) {
                throw e;
            } catch (RuntimeException e) {
                // The handler's own refusal (a core command rejected, a precondition gone): the request stays pending.
                throw new SecurityRefusedException(SecurityRefusal.ACTION_FAILED);
            }
        }
        if (!ApprovalRepository.decide(c, id, status, deciderId, now, reason)) {
            throw new SecurityRefusedException(SecurityRefusal.APPROVAL_ALREADY_DECIDED);
        }
        return decided;
    }

    private Registered registered(String action) {
        Registered registered = action == null ? null : actions.get(action);
        if (registered == null) {
            throw new SecurityRefusedException(SecurityRefusal.UNKNOWN_ACTION);
        }
        return registered;
    }
}

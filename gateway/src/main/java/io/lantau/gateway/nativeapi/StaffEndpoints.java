package io.lantau.gateway.nativeapi;

import io.lantau.compliance.security.Approval;
import io.lantau.compliance.security.ApprovalService;
import io.lantau.compliance.security.RoleChange;
import io.lantau.compliance.security.SecurityEvent;
import io.lantau.compliance.security.StaffDirectory;
import io.lantau.compliance.security.StaffMember;
import io.lantau.compliance.security.StaffRole;
import io.lantau.compliance.security.TotpReset;
import io.lantau.store.account.Session;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Staff endpoints under {@code /staff} (HK-17 maker-checker). Every one needs a session of a user who holds a staff
 * role ({@link NativeError#STAFF_ROLE_REQUIRED} for a client) and has TOTP active ({@link
 * NativeError#STAFF_TOTP_REQUIRED}); which role may request or decide each action is the {@link ApprovalService}'s
 * rule, checked there. Auditors may read, never change. Each method runs on a worker thread and blocks.
 */
final class StaffEndpoints {
    private static final Set<String> ROLE_FIELDS = Set.of("userId", "role", "grant");
    private static final Set<String> USER_FIELDS = Set.of("userId");
    private static final Set<String> REJECT_FIELDS = Set.of("reason");

    private final StaffDirectory staff;
    private final ApprovalService approvals;
    private final StaffAccess access;

    StaffEndpoints(StaffDirectory staff, ApprovalService approvals, StaffAccess access) {
        this.staff = staff;
        this.approvals = approvals;
        this.access = access;
    }

    /** {@code GET /staff/me} → 200 {@code {userId, roles}}. */
    Reply me(NativeRequest request, Session session) {
        Set<StaffRole> roles = requireStaff(session, false);
        return Reply.ok(new JsonObject().put("userId", session.userId()).put("roles", roles(roles)));
    }

    /** {@code GET /staff/members} → 200 every member of staff with their roles. */
    Reply members(NativeRequest request, Session session) {
        requireStaff(session, false);
        JsonArray list = new JsonArray();
        for (StaffMember m : staff.staff()) {
            list.add(new JsonObject().put("userId", m.userId()).put("email", m.email()).put("roles", roles(m.roles())));
        }
        return Reply.ok(list);
    }

    /** {@code GET /staff/approvals} → 200 the pending requests, oldest first. */
    Reply pending(NativeRequest request, Session session) {
        requireStaff(session, false);
        JsonArray list = new JsonArray();
        for (Approval a : approvals.pending()) {
            list.add(view(a));
        }
        return Reply.ok(list);
    }

    /** {@code POST /staff/approvals/{id}/approve} (no body, or {@code {}}) → 200 the approved request. */
    Reply approve(NativeRequest request, Session session) {
        requireStaff(session, true);
        request.json().allowOnly(Set.of());
        return Reply.ok(view(approvals.approve(approvalId(request), session.userId())));
    }

    /** {@code POST /staff/approvals/{id}/reject {reason?}} → 200 the rejected request. */
    Reply reject(NativeRequest request, Session session) {
        requireStaff(session, true);
        String reason = request.json().allowOnly(REJECT_FIELDS)
                .optionalString("reason", ApprovalService.MAX_REASON_CHARS);
        if (reason != null && reason.chars().anyMatch(Character::isISOControl)) {
            throw new NativeException(NativeError.INVALID_VALUE, "reason");
        }
        return Reply.ok(view(approvals.reject(approvalId(request), session.userId(), reason)));
    }

    /** {@code POST /staff/roles {userId, role, grant?}} → 202 the pending {@code ROLE_CHANGE} request. */
    Reply requestRoleChange(NativeRequest request, Session session) {
        requireStaff(session, true);
        JsonBody body = request.requiredJson().allowOnly(ROLE_FIELDS);
        long userId = body.requiredId("userId");
        String roleName = body.requiredString("role", 32);
        boolean grant = body.optionalBoolean("grant", true);
        StaffRole role;
        try {
            role = StaffRole.valueOf(roleName);
        } catch (IllegalArgumentException e) {
            throw new NativeException(NativeError.INVALID_VALUE,
                    "role: OPERATOR_ADMIN, COMPLIANCE_OFFICER, CUSTODY_OFFICER or AUDITOR");
        }
        return Reply.accepted(view(approvals.request(RoleChange.ACTION, session.userId(),
                new RoleChange(userId, role, grant).payload())));
    }

    /** {@code POST /staff/totp-resets {userId}} → 202 the pending {@code TOTP_RESET} request. */
    Reply requestTotpReset(NativeRequest request, Session session) {
        requireStaff(session, true);
        long userId = request.requiredJson().allowOnly(USER_FIELDS).requiredId("userId");
        return Reply.accepted(view(approvals.request(TotpReset.ACTION, session.userId(), TotpReset.payload(userId))));
    }

    private Set<StaffRole> requireStaff(Session session, boolean changes) {
        return access.require(session, changes);
    }

    private static long approvalId(NativeRequest request) {
        String text = request.pathId();
        if (text == null || text.isEmpty() || text.length() > 18
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NativeException(NativeError.APPROVAL_NOT_FOUND);
        }
        return Long.parseLong(text);
    }

    private static JsonArray roles(Set<StaffRole> roles) {
        JsonArray array = new JsonArray();
        roles.stream().sorted().forEach(r -> array.add(r.name()));
        return array;
    }

    private static JsonObject view(Approval a) {
        Object payload;
        try {
            payload = new JsonObject(a.payload());
        } catch (DecodeException e) {
            payload = a.payload();
        }
        JsonObject json = new JsonObject().put("id", a.id()).put("action", a.action())
                .put("requesterId", a.requesterId()).put("payload", payload).put("status", a.status().name())
                .put("requestedAt", a.requestedAt().toString());
        if (a.subjectUserId() != SecurityEvent.UNKNOWN_USER) {
            json.put("subjectUserId", a.subjectUserId());
        }
        if (a.decidedAt() != null) {
            json.put("decidedBy", a.decidedBy()).put("decidedAt", a.decidedAt().toString());
        }
        if (a.reason() != null) {
            json.put("reason", a.reason());
        }
        return json;
    }
}

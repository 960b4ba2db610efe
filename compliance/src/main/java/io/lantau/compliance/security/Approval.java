package io.lantau.compliance.security;

import java.time.Instant;

/**
 * A maker-checker request (table {@code approvals}).
 *
 * @param id            the request id.
 * @param action        the action type, e.g. {@link RoleChange#ACTION}.
 * @param requesterId   the maker.
 * @param subjectUserId the user the action is about, or {@link SecurityEvent#UNKNOWN_USER} for none.
 * @param payload       the action's parameters as its handler wrote them (JSON text).
 * @param status        where it stands.
 * @param requestedAt   when the maker asked.
 * @param decidedBy     the checker, or {@link SecurityEvent#UNKNOWN_USER} while pending.
 * @param decidedAt     when the checker decided, or null while pending.
 * @param reason        the checker's reason for a rejection, or null.
 */
public record Approval(long id, String action, long requesterId, long subjectUserId, String payload,
        ApprovalStatus status, Instant requestedAt, long decidedBy, Instant decidedAt, String reason) {
}

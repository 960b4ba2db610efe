package io.lantau.compliance.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who may request and who may approve one action type: a row of the maker-checker matrix (HK-17: "the scope of
 * authority of each function"; exported for audit by {@link ApprovalService#rules()}).
 *
 * @param action         the action type.
 * @param requesterRoles roles any of which lets a user request it.
 * @param approverRoles  roles any of which lets a user (other than the requester) approve or reject it.
 */
public record ApprovalRule(String action, Set<StaffRole> requesterRoles, Set<StaffRole> approverRoles) {
    public ApprovalRule {
        Objects.requireNonNull(action, "action");
        requesterRoles = Set.copyOf(requesterRoles);
        approverRoles = Set.copyOf(approverRoles);
        if (action.isBlank() || action.length() > 64 || requesterRoles.isEmpty() || approverRoles.isEmpty()
                || requesterRoles.contains(StaffRole.AUDITOR) || approverRoles.contains(StaffRole.AUDITOR)) {
            throw new IllegalArgumentException("an action needs a name and non-auditor requester and approver roles");
        }
    }
}

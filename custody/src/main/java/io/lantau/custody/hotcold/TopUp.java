package io.lantau.custody.hotcold;

import java.time.Instant;

/**
 * A cold-to-hot transfer (HK-17) and its two approvals.
 *
 * @param status          {@code PENDING} (no approval yet), {@code FIRST_APPROVED}, or {@code EXECUTED}.
 * @param firstApprover   the first approver, or 0.
 * @param firstRole       the role the first approver approved in, or null.
 * @param secondApprover  the second approver, or 0.
 * @param secondRole      the role the second approver approved in, or null.
 * @param pendingApproval the maker-checker request waiting for the next approval, or 0.
 */
public record TopUp(long id, int assetId, long amountMinor, long requestedBy, String status, long firstApprover,
        String firstRole, long secondApprover, String secondRole, long pendingApproval, Instant requestedAt,
        Instant executedAt) {
}

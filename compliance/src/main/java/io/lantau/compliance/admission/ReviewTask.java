package io.lantau.compliance.admission;

import java.time.Instant;

/**
 * Work for the committee about one asset, e.g. after it lost retail eligibility (HK-14). Closed by the next
 * committee decision on the asset.
 *
 * @param taskId      the task's id.
 * @param assetCode   the asset.
 * @param reason      why it was opened.
 * @param detail      what happened, for the committee.
 * @param openedAt    when.
 * @param closedAt    when the decision that closed it was taken, or {@code null} while open.
 * @param decisionId  that decision, or 0 while open.
 */
public record ReviewTask(
        long taskId, String assetCode, Reason reason, String detail, Instant openedAt, Instant closedAt,
        long decisionId) {

    /** @return whether the task still awaits a decision. */
    public boolean isOpen() {
        return closedAt == null;
    }

    /** Why a review task was opened. */
    public enum Reason {
        /** An index membership was removed and the asset is no longer retail-eligible (HK-14). */
        RETAIL_ELIGIBILITY_LOST
    }
}

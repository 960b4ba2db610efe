package io.lantau.compliance.admission;

import java.util.Optional;

/**
 * The result of adding or removing an index membership.
 *
 * @param token       the asset's register entry afterwards, with its recomputed eligibility (HK-10).
 * @param reviewTask  the task opened because the asset lost retail eligibility (HK-14), if it did.
 */
public record MembershipChange(TokenRecord token, Optional<ReviewTask> reviewTask) {
}

package io.lantau.compliance.admission;

import io.lantau.core.RetailAccess;
import java.time.Instant;
import java.util.List;

/**
 * A recorded decision of the Token Admission &amp; Review Committee (HK-13).
 *
 * @param decisionId      the record's id.
 * @param assetCode       the asset.
 * @param outcome         what was decided.
 * @param votes           every vote cast.
 * @param reasons         the documented reasons.
 * @param quorumRequired  the quorum in force when decided.
 * @param retailEligible  whether the asset was retail-eligible (HK-10) when decided.
 * @param retailAccess    what retail clients may do in its markets as a result (sent to the core).
 * @param decidedAt       when.
 */
public record CommitteeDecision(
        long decisionId,
        String assetCode,
        Decision outcome,
        List<Vote> votes,
        String reasons,
        int quorumRequired,
        boolean retailEligible,
        RetailAccess retailAccess,
        Instant decidedAt) {

    public CommitteeDecision {
        votes = List.copyOf(votes);
    }
}

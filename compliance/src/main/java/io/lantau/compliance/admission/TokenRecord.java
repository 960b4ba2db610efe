package io.lantau.compliance.admission;

import io.lantau.core.RetailAccess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An asset's entry in the admission register, as of when it was read.
 *
 * @param assetCode              the asset.
 * @param name                   its name.
 * @param tokenType              virtual asset or security token.
 * @param issueDate              first issue.
 * @param smartContractRelevant  whether an audit artefact is required (HK-11).
 * @param marketIds              its core markets.
 * @param status                 as the committee last decided.
 * @param retailAccess           what retail may do in its markets, as the committee last decided.
 * @param registeredAt           when it was registered.
 * @param lastDecisionAt         the last committee decision, or {@code null}.
 * @param dueDiligence           the current record of each factor done so far, in factor order.
 * @param contractAudit          the audit artefact, or {@code null}.
 * @param indexMemberships       the current index memberships.
 * @param retailEligibility      HK-10 computed from the memberships now.
 * @param admissionBlockers      what would refuse an ADMITTED decision now (HK-11, HK-12); empty if none.
 */
public record TokenRecord(
        String assetCode,
        String name,
        TokenType tokenType,
        LocalDate issueDate,
        boolean smartContractRelevant,
        List<Integer> marketIds,
        AdmissionStatus status,
        RetailAccess retailAccess,
        Instant registeredAt,
        Instant lastDecisionAt,
        List<DueDiligenceRecord> dueDiligence,
        ContractAudit contractAudit,
        List<IndexMembership> indexMemberships,
        RetailEligibility retailEligibility,
        List<AdmissionRefusal> admissionBlockers) {

    public TokenRecord {
        marketIds = List.copyOf(marketIds);
        dueDiligence = List.copyOf(dueDiligence);
        indexMemberships = List.copyOf(indexMemberships);
        admissionBlockers = List.copyOf(admissionBlockers);
    }

    /** @return HK-10's verdict: whether the asset is an eligible large-cap virtual asset now. */
    public boolean retailEligible() {
        return retailEligibility.eligible();
    }
}

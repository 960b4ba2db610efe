package io.lantau.compliance.suitability;

import io.lantau.core.InvestorClass;
import java.time.Instant;

/**
 * A client's classification in force (HK-01).
 *
 * @param professionalType the Schedule 1 type of a professional investor; {@code null} for retail.
 * @param evidence         the evidence of a professional investor; {@code null} for retail.
 * @param classifiedBy     who recorded it (an officer, or the client for a retail self-declaration).
 */
public record Classification(
        long accountId,
        InvestorClass investorClass,
        ProfessionalInvestorType professionalType,
        ProfessionalEvidence evidence,
        long classifiedBy,
        Instant classifiedAt) {
}

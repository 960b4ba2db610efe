package io.lantau.compliance.suitability;

import io.lantau.core.InvestorClass;
import io.lantau.core.command.SetInvestorProfile;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Classifies clients as retail or professional investors (HK-01). A professional investor needs its Schedule 1 type
 * and evidence verified by a compliance officer who is not the client; the core then lets it trade without the retail
 * limits ({@code SetInvestorProfile(account, PROFESSIONAL, 0)}; the core ignores the limit for professionals). A
 * retail client gets {@code SetInvestorProfile(account, RETAIL, limit)} with the limit of its risk profile in force,
 * or 0 until it has one (HK-04). The classification is recorded only after the core has accepted the command; the
 * latest record is in force and the history is kept.
 *
 * <p>Shares the suitability service's store, locks and gate listeners. Thread-safe.
 */
public final class ClassificationService {
    private static final int MAX_DESCRIPTION = 2048;

    private final SuitabilityService suitability;

    public ClassificationService(SuitabilityService suitability) {
        this.suitability = Objects.requireNonNull(suitability);
    }

    /**
     * Classifies the client as a retail investor (the default for anyone not shown to be professional).
     *
     * @param classifiedBy who records it: the client itself or an officer.
     * @throws SuitabilityException CORE_UNAVAILABLE; CORE_REFUSED (e.g. an account the core does not know).
     */
    public Classification classifyRetail(long accountId, long classifiedBy) {
        Classification recorded;
        synchronized (suitability.lockFor(accountId)) {
            long limit = suitability.store().latestRiskProfile(accountId).map(RiskProfile::exposureLimitMinor)
                    .orElse(0L);
            suitability.send(new SetInvestorProfile(accountId, InvestorClass.RETAIL, limit));
            recorded = suitability.store().insertClassification(new Classification(accountId, InvestorClass.RETAIL,
                    null, null, classifiedBy, suitability.clock().instant()));
        }
        suitability.gatesChanged(accountId);
        return recorded;
    }

    /**
     * Classifies the client as a professional investor under Schedule 1 (HK-01), which lifts the retail gates and
     * limits.
     *
     * @param type         the Schedule 1 type.
     * @param evidence     what it rests on; its verifier must not be the client.
     * @param classifiedBy the officer recording it; must not be the client.
     * @throws SuitabilityException INVALID_EVIDENCE (HK-01) if the type, description or document hash is missing;
     *                              SELF_VERIFICATION (HK-01) if the client verifies or records its own evidence;
     *                              CORE_UNAVAILABLE; CORE_REFUSED.
     */
    public Classification classifyProfessional(long accountId, ProfessionalInvestorType type,
            ProfessionalEvidence evidence, long classifiedBy) {
        if (type == null || evidence == null || evidence.description() == null || evidence.description().isBlank()
                || evidence.description().length() > MAX_DESCRIPTION || !isSha256(evidence.documentSha256())) {
            throw new SuitabilityException(SuitabilityRefusal.INVALID_EVIDENCE,
                    "a professional investor needs its Schedule 1 type, a description and the evidence's SHA-256");
        }
        if (evidence.verifiedBy() == accountId || classifiedBy == accountId) {
            throw new SuitabilityException(SuitabilityRefusal.SELF_VERIFICATION,
                    "a client cannot verify its own professional-investor evidence");
        }
        Classification recorded;
        synchronized (suitability.lockFor(accountId)) {
            suitability.send(new SetInvestorProfile(accountId, InvestorClass.PROFESSIONAL, 0));
            recorded = suitability.store().insertClassification(new Classification(accountId,
                    InvestorClass.PROFESSIONAL, type, evidence, classifiedBy, suitability.clock().instant()));
        }
        suitability.gatesChanged(accountId);
        return recorded;
    }

    /** @return the classification in force, if any. */
    public Optional<Classification> classification(long accountId) {
        return suitability.classification(accountId);
    }

    private static boolean isSha256(String hex) {
        if (hex == null || hex.length() != 64) {
            return false;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (!HexFormat.isHexDigit(hex.charAt(i)) || Character.isUpperCase(hex.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}

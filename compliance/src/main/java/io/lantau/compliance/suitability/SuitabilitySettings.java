package io.lantau.compliance.suitability;

import java.util.Map;
import java.util.Objects;

/**
 * The {@code suitability} section of a jurisdiction profile, field for field as in the profile JSON.
 *
 * @param retailGates                 whether retail clients must pass the knowledge assessment, the risk profile and
 *                                    the disclosures before trading (HK-02 .. HK-04, HK-08); false: no retail gate.
 * @param knowledgeQuestionBankVersion the question bank in force (a resource
 *                                    {@code knowledge-<version>.json} beside this class), {@code "none"} if no gate.
 * @param knowledgePassMarkPercent    the share of correct answers that passes the knowledge test, 0 to 100.
 * @param riskQuestionnaireVersion    the risk questionnaire in force (resource {@code risk-<version>.json}).
 * @param tierExposurePercent         per risk tier, the share of net worth a retail client may hold in virtual assets
 *                                    (HK-04); every tier must be present when the gates are on.
 * @param disclosureVersion           the Schedule 2 disclosure text in force (resource
 *                                    {@code disclosure-<version>.<language>.txt}).
 */
public record SuitabilitySettings(
        boolean retailGates,
        String knowledgeQuestionBankVersion,
        int knowledgePassMarkPercent,
        String riskQuestionnaireVersion,
        Map<RiskTier, Integer> tierExposurePercent,
        String disclosureVersion) {

    /** @throws IllegalArgumentException if the gates are on and a value is missing or out of range. */
    public SuitabilitySettings {
        Objects.requireNonNull(knowledgeQuestionBankVersion, "knowledgeQuestionBankVersion");
        Objects.requireNonNull(riskQuestionnaireVersion, "riskQuestionnaireVersion");
        Objects.requireNonNull(disclosureVersion, "disclosureVersion");
        tierExposurePercent = tierExposurePercent == null ? Map.of() : Map.copyOf(tierExposurePercent);
        if (knowledgePassMarkPercent < 0 || knowledgePassMarkPercent > 100) {
            throw new IllegalArgumentException("knowledgePassMarkPercent must be 0 to 100: " + knowledgePassMarkPercent);
        }
        for (Map.Entry<RiskTier, Integer> e : tierExposurePercent.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 100) {
                throw new IllegalArgumentException("tierExposurePercent." + e.getKey() + " must be 0 to 100");
            }
        }
        if (retailGates) {
            for (RiskTier tier : RiskTier.values()) {
                if (!tierExposurePercent.containsKey(tier)) {
                    throw new IllegalArgumentException("tierExposurePercent has no " + tier + " (retail gates on)");
                }
            }
        }
    }

    /** @return the exposure percentage of the tier. */
    public int exposurePercent(RiskTier tier) {
        Integer percent = tierExposurePercent.get(tier);
        if (percent == null) {
            throw new IllegalStateException("no exposure percentage for tier " + tier);
        }
        return percent;
    }
}

package io.lantau.compliance.suitability;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded risk profile (HK-03) and the exposure limit it gives (HK-04); the latest per client is in force.
 * Amounts in the valuation currency's minor units.
 *
 * @param tierPercent        the tier's exposure percentage in force when profiled.
 * @param exposureLimitMinor {@code max(0, floor(netWorth × tierPercent / 100) − otherVirtualAssets)}.
 */
public record RiskProfile(
        long id,
        long accountId,
        String questionnaireVersion,
        Map<String, String> answers,
        int score,
        RiskTier tier,
        long netWorthMinor,
        long otherVirtualAssetsMinor,
        int tierPercent,
        long exposureLimitMinor,
        Instant profiledAt) {

    public RiskProfile {
        answers = Map.copyOf(answers);
    }
}

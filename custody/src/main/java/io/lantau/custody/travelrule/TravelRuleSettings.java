package io.lantau.custody.travelrule;

/**
 * The profile's {@code travelRule} section (HK-22). Bound with
 * {@code JurisdictionProfile.section(TravelRuleSettings.SECTION, TravelRuleSettings.class)}.
 *
 * @param thresholdMinor transfers valued at or above this, in minor units of the profile's valuation currency
 *                       (HK$8,000 = 800000 HKD cents), need full originator and beneficiary data.
 */
public record TravelRuleSettings(long thresholdMinor) {
    public static final String SECTION = "travelRule";

    public TravelRuleSettings {
        if (thresholdMinor < 0) {
            throw new IllegalArgumentException("travelRule.thresholdMinor must not be negative");
        }
    }
}

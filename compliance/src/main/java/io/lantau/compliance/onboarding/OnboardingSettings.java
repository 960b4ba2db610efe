package io.lantau.compliance.onboarding;

import java.util.List;
import java.util.Locale;

/**
 * The {@code onboarding} section of a jurisdiction profile, field for field as in the profile JSON.
 *
 * @param realNameRequired   whether KYC must carry the full identity (name, date of birth, ID document, address) and
 *                           at least one document.
 * @param kycRequired        whether a client must pass KYC review before trading; false: accounts activate at once.
 * @param blockedResidencies ISO 3166-1 alpha-2 codes of residencies refused at onboarding (HK-06; mainland China "CN"
 *                           under HK_VATP).
 * @param minimumAgeYears    the youngest age accepted at KYC submission; 0 for none.
 */
public record OnboardingSettings(boolean realNameRequired, boolean kycRequired, List<String> blockedResidencies,
        int minimumAgeYears) {

    public OnboardingSettings {
        blockedResidencies = blockedResidencies == null ? List.of()
                : blockedResidencies.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();
        if (minimumAgeYears < 0) {
            throw new IllegalArgumentException("minimumAgeYears must be ≥ 0: " + minimumAgeYears);
        }
    }

    /** @return true if residents of the country (ISO alpha-2, any case) are refused (HK-06). */
    public boolean blocks(String residency) {
        return residency != null && blockedResidencies.contains(residency.toUpperCase(Locale.ROOT));
    }
}

package io.lantau.compliance.onboarding;

/**
 * The call point for name screening (HK-24), implemented by the screening service: the onboarding service asks it
 * at every KYC submission, and a HIT (or no answer) keeps the case from approval. When a later review clears or
 * confirms a hit, the screening service reports it with {@link OnboardingService#recordScreening}.
 */
@FunctionalInterface
public interface NameScreening {

    /**
     * Screens an applicant. May block briefly; an exception counts as {@link ScreeningStatus#UNAVAILABLE}.
     *
     * @return the result; never null.
     */
    ScreeningOutcome screen(long accountId, KycIdentity identity);

    /**
     * @return whether a screening case holds the account now (an open or confirmed hit, HK-24): onboarding must not
     *         make it ACTIVE then, whatever gates pass.
     */
    default boolean holds(long accountId) {
        return false;
    }
}

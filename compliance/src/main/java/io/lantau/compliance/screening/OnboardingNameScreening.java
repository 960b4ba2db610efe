package io.lantau.compliance.screening;

import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.compliance.onboarding.NameScreening;
import io.lantau.compliance.onboarding.ScreeningStatus;

/**
 * The onboarding service's call point for name screening (HK-24), answered by the {@link ScreeningService}: a client
 * whose legal name matches a list entry gets a HIT, with the case that now holds the account as its reference, and the
 * KYC case cannot be approved until an officer clears it.
 */
public final class OnboardingNameScreening implements NameScreening {
    private final ScreeningService screening;

    public OnboardingNameScreening(ScreeningService screening) {
        this.screening = screening;
    }

    @Override
    public boolean holds(long accountId) {
        return screening.isFrozen(accountId);
    }

    @Override
    public io.lantau.compliance.onboarding.ScreeningOutcome screen(long accountId, KycIdentity identity) {
        ScreeningOutcome outcome = screening.screen(accountId, identity.legalName(), java.util.List.of());
        if (!outcome.frozen()) {
            return io.lantau.compliance.onboarding.ScreeningOutcome.clear();
        }
        String reference = screening.casesOf(accountId).stream().filter(ScreeningCase::freezesAccount)
                .map(c -> "screening-case:" + c.caseId()).findFirst().orElse("screening");
        return new io.lantau.compliance.onboarding.ScreeningOutcome(ScreeningStatus.HIT, reference);
    }
}

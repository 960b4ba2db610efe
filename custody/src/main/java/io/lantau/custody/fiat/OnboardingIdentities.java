package io.lantau.custody.fiat;

import io.lantau.compliance.onboarding.KycCaseState;
import io.lantau.compliance.onboarding.KycIdentity;
import io.lantau.compliance.onboarding.OnboardingService;
import java.util.Optional;

/** {@link VerifiedIdentities} from onboarding: the identity of the client's latest KYC case, if it was approved. */
public final class OnboardingIdentities implements VerifiedIdentities {
    private final OnboardingService onboarding;

    public OnboardingIdentities(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @Override
    public Optional<KycIdentity> verified(long accountId) {
        return onboarding.latestKycCase(accountId).filter(c -> c.state() == KycCaseState.APPROVED)
                .map(c -> c.identity());
    }
}

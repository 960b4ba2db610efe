package io.lantau.collectibles;

import io.lantau.compliance.onboarding.KycCaseState;
import io.lantau.compliance.onboarding.OnboardingService;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link Identities} from the onboarding service: verified means the account's latest KYC case is APPROVED; the
 * date of birth is the one the approved case declared. Only the date of birth leaves this class.
 */
public final class OnboardingIdentities implements Identities {
    private final OnboardingService onboarding;

    public OnboardingIdentities(OnboardingService onboarding) {
        this.onboarding = Objects.requireNonNull(onboarding);
    }

    @Override
    public Optional<VerifiedIdentity> verified(long accountId) {
        return onboarding.latestKycCase(accountId)
                .filter(c -> c.state() == KycCaseState.APPROVED)
                .map(c -> new VerifiedIdentity(accountId, c.identity().dateOfBirth()));
    }
}

package io.lantau.collectibles;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who is real-name verified (CN-05): the collectibles services ask this before an issuer creates, a buyer pays or a
 * recipient receives. {@link OnboardingIdentities} answers from the onboarding service's KYC cases.
 */
@FunctionalInterface
public interface Identities {

    /** @return the verified identity of the account (KYC approved), or empty. */
    Optional<VerifiedIdentity> verified(long accountId);

    /** An account whose KYC was approved, with the date of birth it declared (for the age gates). */
    record VerifiedIdentity(long accountId, LocalDate dateOfBirth) {
    }
}

package io.lantau.custody.fiat;

import io.lantau.compliance.onboarding.KycIdentity;
import java.util.Optional;

/**
 * The client identities KYC has approved: what a designated bank account's holder name (HK-07) and a travel-rule
 * originator (HK-22) are taken from. Thread-safe.
 */
@FunctionalInterface
public interface VerifiedIdentities {
    /** @return the client's identity from their approved KYC case, or empty if they have none. */
    Optional<KycIdentity> verified(long accountId);
}

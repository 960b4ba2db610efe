package io.lantau.compliance.suitability;

/**
 * Whether a client's KYC is cleared (approved, or not required by the profile). Implemented by the onboarding
 * package; suitability asks it so that {@link SuitabilityService#readiness} reports every gate.
 */
@FunctionalInterface
public interface KycGate {

    /** @return true if the account's KYC no longer keeps it from trading. */
    boolean kycCleared(long accountId);
}

package io.lantau.compliance.onboarding;

/** Where a KYC case stands in review. */
public enum KycCaseState {
    PENDING,
    APPROVED,
    REJECTED
}

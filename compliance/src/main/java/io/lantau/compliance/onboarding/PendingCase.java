package io.lantau.compliance.onboarding;

import java.time.Instant;

/** One line of the review queue: a pending KYC case without its sealed identity. */
public record PendingCase(long caseId, long accountId, String nationality, String residency,
        ScreeningStatus screening, int documentCount, Instant submittedAt) {
}

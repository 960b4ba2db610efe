package io.lantau.compliance.onboarding;

import java.time.Instant;

/** A refusal kept on record (a blocked residency, HK-06): nothing else of the attempt is stored. */
public record RecordedRefusal(long accountId, OnboardingRefusal code, String residency, Instant refusedAt) {
}

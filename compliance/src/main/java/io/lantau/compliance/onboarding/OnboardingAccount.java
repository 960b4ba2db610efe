package io.lantau.compliance.onboarding;

import io.lantau.core.AccountStatus;
import java.time.Instant;

/** A client's onboarding record: its status as last accepted by the core. */
public record OnboardingAccount(long accountId, AccountStatus status, Instant registeredAt, Instant updatedAt) {
}

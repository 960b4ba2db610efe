package io.lantau.compliance.onboarding;

import io.lantau.core.AccountStatus;
import java.time.Instant;

/**
 * One recorded status change.
 *
 * @param from  the status before; {@code null} at registration.
 * @param actor who made it: "system", "onboarding", or an officer's or service's id.
 */
public record StatusChange(long accountId, AccountStatus from, AccountStatus to, String actor, String reason,
        Instant changedAt) {
}

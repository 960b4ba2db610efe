package io.lantau.gateway.compliance;

import io.lantau.compliance.audit.AuditDetails;
import io.lantau.compliance.audit.AuditEntry;
import io.lantau.compliance.audit.AuditKind;
import io.lantau.compliance.audit.AuditTrail;
import java.time.Clock;
import java.util.Objects;

/**
 * Puts the compliance decisions staff take through these endpoints on the tamper-evident audit trail (HK-33): account
 * status changes, screening decisions and investor classifications, with who decided and why, after the service has
 * recorded them. The core's own events (status and investor-profile changes as applied) are audited from the core's
 * stream and KYC decisions by the onboarding service's listeners; these records add the officer and the reason.
 */
public final class StaffDecisionAudit {
    private final AuditTrail trail;
    private final Clock clock;

    public StaffDecisionAudit(AuditTrail trail, Clock clock) {
        this.trail = Objects.requireNonNull(trail);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * @param staffUserId who decided.
     * @param accountId   whose account it concerns.
     * @param details     what was decided, as built so far.
     */
    void record(AuditKind kind, long staffUserId, long accountId, AuditDetails details) {
        trail.append(new AuditEntry(clock.instant(), kind, "staff:" + staffUserId, "account:" + accountId,
                details.build()));
    }
}

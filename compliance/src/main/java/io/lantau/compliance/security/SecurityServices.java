package io.lantau.compliance.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The account-security services one deployment runs, over one relational store: what the native API needs and what
 * the wiring registers further maker-checker actions with ({@code approvals().register(...)}).
 *
 * @param totp            TOTP enrolment and verification.
 * @param staff           staff roles.
 * @param approvals       maker-checker, with {@link RoleChange} and {@link TotpReset} registered.
 * @param notifications   the out-of-band notification outbox (HK-30).
 * @param loginChallenges sign-ins waiting for their second step.
 * @param audit           where security events go.
 */
public record SecurityServices(TotpService totp, StaffDirectory staff, ApprovalService approvals,
        NotificationOutbox notifications, LoginChallengeRepository loginChallenges, SecurityAuditSink audit) {

    public SecurityServices {
        Objects.requireNonNull(totp, "totp");
        Objects.requireNonNull(staff, "staff");
        Objects.requireNonNull(approvals, "approvals");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(loginChallenges, "loginChallenges");
        Objects.requireNonNull(audit, "audit");
    }

    /**
     * Builds the services on one store.
     *
     * @param dataSource the relational store, migrated (V6 included).
     * @param sealer     seals TOTP secrets at rest (the gateway's master-key cipher).
     * @param audit      where security events go; {@link SecurityAuditSink#NONE} until the audit trail is wired.
     * @param clock      the wall clock; a test moves its own.
     */
    public static SecurityServices create(DataSource dataSource, SecretSealer sealer, SecurityAuditSink audit,
            Clock clock) {
        TotpService totp = new TotpService(dataSource, sealer, new SecureRandom(), clock);
        ApprovalService approvals = new ApprovalService(dataSource, audit, clock);
        approvals.register(TotpReset.RULE, new TotpReset(totp));
        return new SecurityServices(totp, new StaffDirectory(dataSource), approvals,
                new NotificationOutbox(dataSource), new LoginChallengeRepository(dataSource), audit);
    }
}

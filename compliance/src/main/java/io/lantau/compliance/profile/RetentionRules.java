package io.lantau.compliance.profile;

import java.time.Period;

/**
 * The profile's {@code retention} section: how long records must be kept before they may be purged (VATP Guidelines
 * Part XIV, 14.8: time-sequenced order records at least two years; HK-34).
 *
 * @param orderRecordYears years to keep order and trade records (and the audit records of their lifecycle).
 * @param auditRecordYears years to keep every other audit record (logins, exceptions, permission and parameter
 *                         changes, KYC decisions).
 */
public record RetentionRules(int orderRecordYears, int auditRecordYears) {
    /** Section name in the profile. */
    public static final String SECTION = "retention";

    public RetentionRules {
        if (orderRecordYears < 0 || auditRecordYears < 0) {
            throw new IllegalArgumentException("retention periods must not be negative");
        }
    }

    /**
     * @return how long the audit trail as a whole must be kept: the longer of the two periods, because the trail is
     *     one hash chain purged only from its oldest end, and it holds order-lifecycle records and the rest together.
     */
    public Period auditTrail() {
        return Period.ofYears(Math.max(orderRecordYears, auditRecordYears));
    }
}

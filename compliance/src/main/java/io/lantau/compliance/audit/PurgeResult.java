package io.lantau.compliance.audit;

/**
 * What a retention purge did.
 *
 * @param purgedRecords   how many records were deleted; 0 if none was old enough.
 * @param throughSequence the last purged record's sequence (the anchor); 0 if nothing was purged.
 * @param throughHash     its hash, kept in the anchor and in the {@link AuditKind#AUDIT_PURGE} record; null if nothing
 *                        was purged.
 */
public record PurgeResult(long purgedRecords, long throughSequence, String throughHash) {
    static final PurgeResult NOTHING = new PurgeResult(0, 0, null);
}

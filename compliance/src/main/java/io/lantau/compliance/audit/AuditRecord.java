package io.lantau.compliance.audit;

import java.time.Instant;

/**
 * One stored link of the audit chain.
 *
 * @param sequence     dense from 1 (or from one past the last purged record) in the order of appending.
 * @param time         when it happened, to the nanosecond.
 * @param kind         what it is about, by name ({@link AuditKind#name()}); a text so that a record of a kind this
 *                     build does not know still verifies.
 * @param previousHash the hash of record {@code sequence - 1}; 64 zeros for record 1.
 * @param hash         SHA-256 (lower-case hex) of the canonical encoding of every other field (see
 *                     {@link AuditHasher}).
 */
public record AuditRecord(long sequence, Instant time, String kind, String actor, String subject, String details,
        String previousHash, String hash) {

    /** @return {@code time} as epoch nanoseconds, the form stored and hashed. */
    public long timeNanos() {
        return nanosOf(time);
    }

    static long nanosOf(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }

    static Instant instantOf(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}

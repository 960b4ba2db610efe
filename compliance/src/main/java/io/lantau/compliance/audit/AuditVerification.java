package io.lantau.compliance.audit;

/**
 * The verdict of {@link AuditVerifier#verify}: the chain is sound, or the first broken record and why.
 *
 * @param recordsChecked  how many stored records were walked (all of them if sound; up to the break if not).
 * @param firstSequence   the first stored record's sequence (1, or one past the last purge); 0 if none.
 * @param headSequence    the last record verified; for a sound chain, the chain's head.
 * @param headHash        that record's hash (the genesis, 64 zeros, if none): note it somewhere else, and a later
 *                        verification can show that no record up to it was cut from the end.
 * @param brokenSequence  the first broken record's sequence; 0 if sound. For a gap, the first missing sequence.
 * @param problem         why it is broken; null if sound.
 * @param message         one line for people.
 */
public record AuditVerification(long recordsChecked, long firstSequence, long headSequence, String headHash,
        long brokenSequence, Problem problem, String message) {

    /** How a chain can break. */
    public enum Problem {
        /** The record's stored hash is not the hash of its fields: the record was edited. */
        HASH_MISMATCH,
        /** The record's previous hash is not the stored hash of the record before it. */
        BROKEN_LINK,
        /** A record is missing (deleted) before this sequence, or records are out of order. */
        GAP,
        /** The record a purge anchored the chain on has another hash than the anchor says. */
        ANCHOR_MISMATCH
    }

    /** @return true if every record verified. */
    public boolean ok() {
        return problem == null;
    }

    static AuditVerification sound(long checked, long first, long head, String headHash) {
        return new AuditVerification(checked, first, head, headHash, 0, null, "OK: " + checked + " records"
                + (checked == 0 ? "" : " (sequence " + first + " to " + head + ")") + ", head hash " + headHash);
    }

    static AuditVerification broken(long checked, long first, long head, String headHash, long broken,
            Problem problem, String why) {
        return new AuditVerification(checked, first, head, headHash, broken, problem,
                "BROKEN at record " + broken + ": " + why);
    }
}

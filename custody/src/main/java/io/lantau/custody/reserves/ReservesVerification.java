package io.lantau.custody.reserves;

/**
 * The outcome of verifying an inclusion proof.
 *
 * @param verified whether the leaf is in the tree whose root and totals the proof states.
 * @param failure  what failed, exactly (null when verified).
 * @param proof    the proof as read (null if the file could not be read).
 */
public record ReservesVerification(boolean verified, String failure, InclusionProof proof) {

    static ReservesVerification ok(InclusionProof proof) {
        return new ReservesVerification(true, null, proof);
    }

    static ReservesVerification failed(String failure, InclusionProof proof) {
        return new ReservesVerification(false, failure, proof);
    }
}

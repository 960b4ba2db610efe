package io.lantau.custody.withdrawal;

/** Where a withdrawal stands. SETTLED, REVERTED and REJECTED are final. */
public enum WithdrawalState {
    /** Recorded; the core's lock is being requested (a crash here is resumed by {@code recoverRequested}). */
    REQUESTED,
    /** Locked in the core; above the profile's review threshold, waiting for a staff reviewer. */
    PENDING_REVIEW,
    /** Locked and approved; waiting to be signed. */
    APPROVED,
    /** Signed; the transaction is stored and about to be broadcast. */
    SIGNED,
    /** Sent to the network; waiting for confirmations. */
    BROADCAST,
    /**
     * Refused after the core locked the funds (the signer refused a changed instruction, the reviewer rejected it, or
     * the transaction reverted on chain): the core's lock is being returned; retried until the core confirms.
     */
    REVERTING,
    /** Confirmed on chain and removed from the core's ledger (final). */
    SETTLED,
    /** Failed (reverted on chain, or the signer refused a changed instruction): funds returned (final). */
    REVERTED,
    /** Refused by the reviewer: funds returned (final). */
    REJECTED;

    /** @return whether the withdrawal still counts against the velocity limits. */
    boolean countsTowardLimits() {
        return this != REVERTING && this != REVERTED && this != REJECTED;
    }
}

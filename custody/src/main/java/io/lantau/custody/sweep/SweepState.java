package io.lantau.custody.sweep;

/** Where a hot-to-cold sweep stands. */
public enum SweepState {
    /** Recorded with its instruction hash; not signed yet. */
    PLANNED,
    /** Signed; the bytes are stored and are what is sent. */
    SIGNED,
    /** Sent; waiting for the profile's confirmations. */
    BROADCAST,
    /** Confirmed on chain; moved HOT to COLD in the tiers and the custody ledger. Final. */
    CONFIRMED,
    /** Mined but reverted on chain: nothing moved but the gas. Final. */
    FAILED,
    /** The signer refused it (its instruction changed, or its destination is not the cold address). Final. */
    REFUSED;

    /** @return whether a sweep in this state is still under way (a new one waits for it). */
    public boolean open() {
        return this == PLANNED || this == SIGNED || this == BROADCAST;
    }
}

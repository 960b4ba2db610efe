package io.lantau.custody.deposit;

/** Where an observed deposit stands. */
public enum DepositState {
    /** Seen on chain, waiting for confirmations. */
    SEEN,
    /** Confirmed but held by the {@link DepositGate} (travel-rule data missing, HK-22); re-asked on every pass. */
    HELD,
    /** Credited to the client in the core (final). */
    CREDITED,
    /** Below one minor unit: recorded as house-held dust, nothing credited (final). */
    DUST,
    /** Its block left the best chain before it was credited: never credited unless the transaction is mined again. */
    DROPPED
}

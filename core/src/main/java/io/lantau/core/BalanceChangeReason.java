package io.lantau.core;

/** Why a balance moved, carried on every balance event so that user streams can tell deposits from trades. */
public enum BalanceChangeReason {
    DEPOSIT,
    WITHDRAWAL_REQUESTED,
    WITHDRAWAL_SETTLED,
    WITHDRAWAL_REVERTED,
    ORDER_LOCKED,
    ORDER_RELEASED,
    TRADE,
    FEE
}

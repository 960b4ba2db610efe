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
    FEE,
    /** Funds held for a later item payment (an offer, a drop entry). */
    HOLD_PLACED,
    /** A hold returned to available, or the unused rest of a hold that paid for an item. */
    HOLD_RELEASED,
    /** The buyer paid for an item, or the seller received the proceeds. */
    ITEM_PAYMENT,
    /** A creator's royalty on an item sale. */
    ROYALTY
}

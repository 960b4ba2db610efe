package io.lantau.core;

/** Why an order ended without being filled or canceled by its owner. */
public enum ExpiryReason {
    /** An IOC or MARKET order's remainder after matching. */
    NO_MORE_LIQUIDITY,
    /** A FOK order could not fill completely; nothing traded. */
    FILL_OR_KILL,
    /** A market buy by quote amount (or by quantity) ran out of budget. */
    BUDGET_EXHAUSTED,
    /** Self-trade prevention expired the order. */
    SELF_TRADE_PREVENTION
}

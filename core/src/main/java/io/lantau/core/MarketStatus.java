package io.lantau.core;

/**
 * Whether a market accepts orders. Changed only by {@link io.lantau.core.command.SetMarketStatus}. Declared from least
 * to most restrictive: code compares statuses by that order.
 */
public enum MarketStatus {
    /** Orders, amendments and cancels are accepted. */
    TRADING,
    /** Only cancels are accepted; resting orders stay. */
    CANCEL_ONLY,
    /** Nothing is accepted, not even cancels. */
    HALTED
}

package io.lantau.core;

/**
 * What retail clients may do in a market, as the token admission committee decides (HK-10, HK-14).
 */
public enum RetailAccess {
    /** Retail clients may buy and sell. */
    ELIGIBLE,
    /** Retail clients may only sell (eligibility lost; the committee chose sell-only, HK-14). */
    SELL_ONLY,
    /** Retail clients may not trade it. */
    NOT_ELIGIBLE
}

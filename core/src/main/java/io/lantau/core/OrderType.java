package io.lantau.core;

/** Order types the core matches. */
public enum OrderType {
    /** Rests at its price for what it does not fill at once (subject to its time in force). */
    LIMIT,
    /** Takes what the book offers and never rests; a buy may be bounded by quantity or by quote amount. */
    MARKET,
    /** Post-only limit order: rejected with {@link ResultCode#WOULD_TAKE} if any part would take. */
    LIMIT_MAKER
}

package io.lantau.core;

/** Why a resting order was canceled. */
public enum CancelReason {
    /** Its owner canceled it ({@link io.lantau.core.command.CancelOrder}). */
    USER,
    /** Part of a {@link io.lantau.core.command.CancelAllOrders}. */
    CANCEL_ALL,
    /**
     * A retail client's order in a market that retail may no longer trade (or, for buys, only sell in): canceled when
     * the access changed or the client became retail (HK-10, HK-14).
     */
    RETAIL_ACCESS
}

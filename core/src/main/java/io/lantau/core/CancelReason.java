package io.lantau.core;

/** Why a resting order was canceled. */
public enum CancelReason {
    /** Its owner canceled it ({@link io.lantau.core.command.CancelOrder}). */
    USER,
    /** Part of a {@link io.lantau.core.command.CancelAllOrders}. */
    CANCEL_ALL
}

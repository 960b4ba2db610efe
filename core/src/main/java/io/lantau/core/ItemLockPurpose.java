package io.lantau.core;

/** Why an item is locked. A locked item cannot be transferred, gifted or burned. */
public enum ItemLockPurpose {
    /** Offered for sale: a {@code SettleItemSale} may still sell it (and ends the lock); nothing else moves it. */
    LISTING,
    /** Exported to a public chain: frozen on the platform until the token is deposited back. */
    EXPORT
}

package io.lantau.core;

/** How an item changed hands; every ownership change is one {@code ItemTransferred} event of one kind. */
public enum ItemTransferKind {
    /** Created, from no one (account 0) to its first owner, with or without a payment. */
    MINT,
    /** Moved by the operator (e.g. after a token came back from a public chain to another holder). */
    TRANSFER,
    /** Given, with no price; subject to the holding period the command names (CN-06). */
    GIFT,
    /** Sold against a payment settled in the same command. */
    SALE,
    /** Destroyed: from its last owner to no one (account 0). */
    BURN
}

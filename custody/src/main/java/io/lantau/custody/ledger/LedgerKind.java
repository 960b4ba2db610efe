package io.lantau.custody.ledger;

/** What a custody ledger entry records, and whose value it moves. */
public enum LedgerKind {
    /** A confirmed deposit credited to a client (+, client trust). */
    DEPOSIT_CREDITED(Owner.CLIENT),
    /** The part of a deposit below the books' precision: held, not credited (+, house-held dust). */
    DEPOSIT_DUST(Owner.HOUSE),
    /** A withdrawal's amount and fee leaving the client's trust balance (-, client trust). */
    WITHDRAWAL_SETTLED(Owner.CLIENT),
    /** The client's fixed withdrawal fee, which becomes the house's (+, house). */
    WITHDRAWAL_FEE(Owner.HOUSE),
    /** The network fee (gas) the house paid for a withdrawal's transaction (-, house). */
    NETWORK_FEE(Owner.HOUSE),
    /** House funds put on a platform address (the hot wallet's float for network fees) (+, house). */
    HOUSE_FUNDING(Owner.HOUSE),
    /**
     * A confirmed hot-to-cold sweep leaving the hot tier (-, client trust, pooled: account 0). Always paired with a
     * {@link #SWEPT_TO_COLD} of the same amount and reference, so client trust in total is unchanged (HK-16).
     */
    SWEPT_FROM_HOT(Owner.CLIENT),
    /** A confirmed hot-to-cold sweep arriving in cold storage (+, client trust, pooled: account 0). */
    SWEPT_TO_COLD(Owner.CLIENT);

    private final Owner owner;

    LedgerKind(Owner owner) {
        this.owner = owner;
    }

    public Owner owner() {
        return owner;
    }

    /** Whose value an entry moves (HK-15: client trust assets are kept apart from the house's). */
    public enum Owner {
        CLIENT, HOUSE
    }
}

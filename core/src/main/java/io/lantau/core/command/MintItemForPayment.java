package io.lantau.core.command;

/**
 * A primary sale (a drop purchase): mint {@code item} to its owner, the buyer, who pays {@code priceMinor} of
 * {@code assetId} in the same command; the seller (the issuer) gets the price minus the platform fee
 * ({@code feeBps}, rounded up), which goes to the fee account. Both happen or neither. Idempotent by the item's id:
 * an identical repeat returns OK and charges nothing again.
 *
 * @param holdId 0 to pay from the buyer's available balance, or a {@link HoldFunds} of the buyer in this asset to pay
 *               from (its unused rest is released).
 */
public record MintItemForPayment(MintItem item, long sellerAccountId, int assetId, long priceMinor, int feeBps,
        long holdId) implements Command {
}

package io.lantau.core.command;

/**
 * A secondary sale, item against funds in one command: the item goes from seller to buyer, and the buyer pays
 * {@code priceMinor} of {@code assetId}, of which {@code royaltyBps} (rounded down) goes to {@code royaltyAccountId},
 * {@code feeBps} (rounded up) to the fee account and the exact rest to the seller. Never one without the other.
 * The item may be unlocked or locked for a LISTING (the sale ends that lock). Idempotent by {@code saleId}.
 *
 * @param royaltyAccountId where the royalty goes; ignored (may be 0) when {@code royaltyBps} is 0.
 * @param holdId           0 to pay from the buyer's available balance, or the buyer's {@link HoldFunds} (an offer)
 *                         in this asset to pay from; the hold's unused rest is released.
 */
public record SettleItemSale(long saleId, long itemId, long sellerAccountId, long buyerAccountId, int assetId,
        long priceMinor, long royaltyAccountId, int royaltyBps, int feeBps, long holdId) implements Command {
}

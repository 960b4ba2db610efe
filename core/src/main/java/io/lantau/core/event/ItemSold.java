package io.lantau.core.event;

/** The payment half of an item sale; {@code price = sellerProceeds + royalty + fee}. {@code saleId} 0: a mint. */
public record ItemSold(long sequence, long timestampNanos, long saleId, long itemId, long sellerAccountId,
        long buyerAccountId, int assetId, long priceMinor, long sellerProceedsMinor, long royaltyAccountId,
        long royaltyMinor, long feeMinor, long holdId) implements CoreEvent {
}

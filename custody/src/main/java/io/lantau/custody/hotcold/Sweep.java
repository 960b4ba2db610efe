package io.lantau.custody.hotcold;

/**
 * A proposed hot-to-cold sweep (HK-16): move {@code amountMinor} of the asset from the hot wallet to cold storage.
 * The chain side (custodyeth / custodykeys) builds and sends the transaction; once it is confirmed,
 * {@link TierBalances#move} records it.
 */
public record Sweep(int assetId, long hotMinor, long coldMinor, long amountMinor) {
}

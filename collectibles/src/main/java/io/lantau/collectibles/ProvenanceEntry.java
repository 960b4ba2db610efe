package io.lantau.collectibles;

import java.time.Instant;

/**
 * One step of an item's history: MINT (from 0), SALE, GIFT, TRANSFER or BURN (to 0), with the price of a sale or a
 * paid mint; {@code currency} and {@code priceMinor} are null when no money moved.
 */
public record ProvenanceEntry(long coreSequence, long itemId, String kind, long fromAccount, long toAccount,
        String currency, Long priceMinor, Instant at) {
}

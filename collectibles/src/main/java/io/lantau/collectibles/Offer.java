package io.lantau.collectibles;

import java.time.Instant;

/** A buyer's standing offer for an item, its price held in the core until accepted or withdrawn. */
public record Offer(long id, long itemId, long buyerId, String currency, long priceMinor, String status,
        Instant createdAt) {
}

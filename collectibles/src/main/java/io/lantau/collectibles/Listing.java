package io.lantau.collectibles;

import java.time.Instant;

/** A fixed-price resale listing (HK_VATP and OPEN only; CN-03 forbids them under the mainland profile). */
public record Listing(long id, long itemId, long sellerId, String currency, long priceMinor, String status,
        Instant createdAt) {
}

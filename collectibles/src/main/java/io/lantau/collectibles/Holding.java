package io.lantau.collectibles;

import java.time.Instant;

/**
 * Who holds a minted item, as the read model saw the core's events: since when (the core's timestamp, from which
 * the holding periods of CN-06 run), how it came ({@code MINT}, {@code SALE}, {@code GIFT}, {@code TRANSFER}), its
 * cost to the holder's line (the last price paid; a gift passes it on), how many gifts it went through and why it is
 * locked ({@code LISTING}, {@code EXPORT}) or null.
 */
public record Holding(long itemId, long ownerId, Instant acquiredAt, long acquiredNanos, String acquiredHow,
        String costCurrency, long costMinor, int gifts, String lockReason) {
}

package io.lantau.collectibles;

import java.time.Instant;

/**
 * A primary sale: {@code supply} items of one collection at a fixed price, at most {@code perBuyerCap} per buyer,
 * open from {@code startsAt} to {@code endsAt} (the service's clock), optionally to an allowlist only. The seed's
 * commitment is public from creation; the seed itself ({@code revealedSeedHex}) only once drawn.
 */
public record Drop(long id, long collectionId, String currency, long priceMinor, int supply, int perBuyerCap,
        boolean allowlistOnly, Instant startsAt, Instant endsAt, String seedCommitment, String status,
        String revealedSeedHex, Instant drawnAt) {

    public boolean drawn() {
        return "DRAWN".equals(status);
    }
}

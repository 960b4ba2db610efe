package io.lantau.collectibles;

import java.time.Instant;

/** A collection of unique items by one verified issuer, backed by an approved IP authorisation. */
public record Collection(long id, long issuerAccountId, String name, String description, Category category,
        long ipAuthorisationId, int royaltyBps, Instant createdAt) {
}

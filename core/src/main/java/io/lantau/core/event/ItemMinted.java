package io.lantau.core.event;

import io.lantau.core.ContentHash;

public record ItemMinted(long sequence, long timestampNanos, long itemId, long collectionId, long editionNumber,
        ContentHash contentHash, long creatorAccountId, int royaltyBps, int flags) implements CoreEvent {
}

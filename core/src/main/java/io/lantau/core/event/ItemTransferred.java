package io.lantau.core.event;

import io.lantau.core.ItemTransferKind;

/** One step of an item's provenance; {@code fromAccountId} is 0 for MINT, {@code toAccountId} 0 for BURN. */
public record ItemTransferred(long sequence, long timestampNanos, long itemId, long fromAccountId, long toAccountId,
        ItemTransferKind kind) implements CoreEvent {
}

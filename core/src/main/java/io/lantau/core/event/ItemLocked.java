package io.lantau.core.event;

import io.lantau.core.ItemLockPurpose;

public record ItemLocked(long sequence, long timestampNanos, long itemId, long ownerAccountId,
        ItemLockPurpose purpose) implements CoreEvent {
}

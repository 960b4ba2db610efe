package io.lantau.core.event;

import io.lantau.core.BalanceChangeReason;

public record BalanceChanged(long sequence, long timestampNanos, long accountId, int assetId, long availableMinor,
        long lockedMinor, BalanceChangeReason reason) implements CoreEvent {
}

package io.lantau.core.event;

import io.lantau.core.MarketStatus;

public record MarketStatusChanged(long sequence, long timestampNanos, int marketId, MarketStatus oldStatus,
        MarketStatus newStatus) implements CoreEvent {
}

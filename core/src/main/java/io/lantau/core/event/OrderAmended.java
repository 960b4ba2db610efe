package io.lantau.core.event;

public record OrderAmended(long sequence, long timestampNanos, OrderSnapshot order, long oldPriceTicks, long oldQuantityLots,
        boolean priorityKept) implements CoreEvent {
}

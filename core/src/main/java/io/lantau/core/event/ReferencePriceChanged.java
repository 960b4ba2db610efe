package io.lantau.core.event;

public record ReferencePriceChanged(long sequence, long timestampNanos, int assetId, long priceMinor) implements CoreEvent {
}

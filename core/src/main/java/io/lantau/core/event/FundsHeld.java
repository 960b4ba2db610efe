package io.lantau.core.event;

public record FundsHeld(long sequence, long timestampNanos, long holdId, long accountId, int assetId,
        long amountMinor) implements CoreEvent {
}

package io.lantau.core.event;

public record WithdrawalReverted(long sequence, long timestampNanos, long withdrawalId, long accountId, int assetId,
        long amountMinor) implements CoreEvent {
}

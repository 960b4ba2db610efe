package io.lantau.core.event;

public record WithdrawalRequested(long sequence, long timestampNanos, long withdrawalId, long accountId, int assetId,
        long amountMinor) implements CoreEvent {
}

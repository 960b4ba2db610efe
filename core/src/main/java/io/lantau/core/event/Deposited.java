package io.lantau.core.event;

public record Deposited(long sequence, long timestampNanos, long depositId, long accountId, int assetId, long amountMinor) implements CoreEvent {
}

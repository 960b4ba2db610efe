package io.lantau.core.event;

public record FeeTierChanged(long sequence, long timestampNanos, long accountId, int feeTier) implements CoreEvent {
}

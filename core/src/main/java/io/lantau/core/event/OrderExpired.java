package io.lantau.core.event;

import io.lantau.core.ExpiryReason;

public record OrderExpired(long sequence, long timestampNanos, OrderSnapshot order, ExpiryReason reason) implements CoreEvent {
}

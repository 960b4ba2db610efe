package io.lantau.core.event;

import io.lantau.core.CancelReason;

public record OrderCanceled(long sequence, long timestampNanos, OrderSnapshot order, CancelReason reason) implements CoreEvent {
}

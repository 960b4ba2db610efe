package io.lantau.core.event;

import io.lantau.core.RetailAccess;

public record RetailAccessChanged(long sequence, long timestampNanos, int marketId, RetailAccess access) implements CoreEvent {
}

package io.lantau.core.event;

import io.lantau.core.AccountKind;

public record AccountOpened(long sequence, long timestampNanos, long accountId, AccountKind kind, int feeTier) implements CoreEvent {
}

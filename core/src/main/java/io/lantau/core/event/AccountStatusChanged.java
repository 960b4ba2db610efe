package io.lantau.core.event;

import io.lantau.core.AccountStatus;

public record AccountStatusChanged(long sequence, long timestampNanos, long accountId, AccountStatus oldStatus,
        AccountStatus newStatus) implements CoreEvent {
}

package io.lantau.core.command;

import io.lantau.core.ItemLockPurpose;

/** Lock an item of {@code ownerAccountId} for a listing or an export to a public chain. */
public record LockItem(long itemId, long ownerAccountId, ItemLockPurpose purpose) implements Command {
}

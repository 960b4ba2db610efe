package io.lantau.core.command;

/** End the lock of an item of {@code ownerAccountId} (listing withdrawn, token deposited back). */
public record UnlockItem(long itemId, long ownerAccountId) implements Command {
}

package io.lantau.core.command;

/** Destroy an unlocked item of {@code ownerAccountId}; its id and content hash stay used. */
public record BurnItem(long itemId, long ownerAccountId) implements Command {
}

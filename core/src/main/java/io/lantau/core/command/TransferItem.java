package io.lantau.core.command;

/** Move an item from its owner to another account, with no price (operator moves; no holding period). */
public record TransferItem(long itemId, long fromAccountId, long toAccountId) implements Command {
}

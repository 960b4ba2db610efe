package io.lantau.core.command;

/**
 * Lock an amount of an account's funds for a later payment (an offer on an item, a drop entry): a
 * {@link SettleItemSale} or {@link MintItemForPayment} naming the hold pays from it, {@link ReleaseHold} returns it.
 * Idempotent by {@code holdId}, like a withdrawal request.
 */
public record HoldFunds(long holdId, long accountId, int assetId, long amountMinor) implements Command {
}

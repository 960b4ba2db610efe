package io.lantau.core.command;

/**
 * Cancel one open order, named by {@code orderId} (if positive) or else by {@code clientOrderId}. Only the owner can
 * cancel; another account's order is {@code UNKNOWN_ORDER}, as if it did not exist.
 */
public record CancelOrder(long accountId, int marketId, long orderId, String clientOrderId) implements Command {
}

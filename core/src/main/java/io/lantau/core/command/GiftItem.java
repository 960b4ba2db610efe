package io.lantau.core.command;

/**
 * Give an item away, with no price. CN-06: refused with {@code HOLDING_PERIOD_NOT_MET} while the command's timestamp
 * is less than {@code minHoldNanos} after the sender acquired it; the service chooses the period from its profile
 * (and whether the sender itself got the item as a gift) and checks the recipient's eligibility before sending this.
 *
 * @param minHoldNanos how long the sender must have held the item, ≥ 0 (0: no holding period).
 */
public record GiftItem(long itemId, long fromAccountId, long toAccountId, long minHoldNanos) implements Command {
}

package io.lantau.core.command;

/**
 * Change the price and/or quantity of an open limit order, keeping its id. Lowering the quantity at the same price
 * keeps time priority; a new price or a larger quantity loses it (the order goes to the back of its new level and may
 * match if it now crosses).
 *
 * @param newPriceTicks    the new limit price.
 * @param newQuantityLots  the new total ordered quantity, filled part included; must exceed what is already filled.
 */
public record AmendOrder(long accountId, int marketId, long orderId, long newPriceTicks, long newQuantityLots)
        implements Command {
}

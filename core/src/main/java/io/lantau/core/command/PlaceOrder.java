package io.lantau.core.command;

import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;

/**
 * Place an order. Which fields are used depends on the type:
 * <ul>
 *   <li>LIMIT: {@code priceTicks}, {@code quantityLots}, any time in force; {@code quoteAmountMinor} must be 0.</li>
 *   <li>LIMIT_MAKER: {@code priceTicks}, {@code quantityLots}; time in force must be GTC.</li>
 *   <li>MARKET: {@code priceTicks} 0 and exactly one of {@code quantityLots} (either side) or {@code quoteAmountMinor}
 *       (buy only: spend at most this much quote, fees included); time in force must be IOC.</li>
 * </ul>
 *
 * @param clientOrderId the client's id, unique among the account's open orders, 1 to 36 characters; or {@code null}.
 * @param selfTradePrevention the mode, or MARKET_DEFAULT for the market's.
 */
public record PlaceOrder(
        long accountId,
        int marketId,
        String clientOrderId,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        long priceTicks,
        long quantityLots,
        long quoteAmountMinor,
        SelfTradePrevention selfTradePrevention) implements Command {

    /** @return a GTC limit order with the market's STP default. */
    public static PlaceOrder limit(long accountId, int marketId, Side side, long priceTicks, long quantityLots) {
        return new PlaceOrder(accountId, marketId, null, side, OrderType.LIMIT, TimeInForce.GTC, priceTicks,
                quantityLots, 0, SelfTradePrevention.MARKET_DEFAULT);
    }

    /** @return a market order by base quantity. */
    public static PlaceOrder market(long accountId, int marketId, Side side, long quantityLots) {
        return new PlaceOrder(accountId, marketId, null, side, OrderType.MARKET, TimeInForce.IOC, 0, quantityLots, 0,
                SelfTradePrevention.MARKET_DEFAULT);
    }

    /** @return a market buy spending at most {@code quoteAmountMinor}, fees included. */
    public static PlaceOrder marketBuyByQuote(long accountId, int marketId, long quoteAmountMinor) {
        return new PlaceOrder(accountId, marketId, null, Side.BUY, OrderType.MARKET, TimeInForce.IOC, 0, 0,
                quoteAmountMinor, SelfTradePrevention.MARKET_DEFAULT);
    }
}

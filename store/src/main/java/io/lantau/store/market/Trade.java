package io.lantau.store.market;

/**
 * One fill, as the public trade feed shows it ({@code /api/v3/trades}, {@code @trade}).
 *
 * @param tradeId    the core's trade id: increasing per market, shared by all markets (so not dense per market).
 * @param quoteMinor the notional in quote minor units (Binance's {@code quoteQty}).
 * @param timeMillis the time of the command that caused the trade.
 * @param buyerMaker whether the resting order was the buy (Binance's {@code isBuyerMaker} / {@code m}).
 */
public record Trade(int marketId, long tradeId, long priceTicks, long quantityLots, long quoteMinor, long timeMillis,
        boolean buyerMaker) {
}

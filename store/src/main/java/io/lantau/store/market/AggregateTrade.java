package io.lantau.store.market;

/**
 * Consecutive fills of one taker order at one price within one command, summed: Binance's aggregate trade
 * ({@code /api/v3/aggTrades}, {@code @aggTrade}).
 *
 * @param aggregateTradeId 1, 2, 3 ... per market (Binance's {@code a}).
 * @param firstTradeId     the first fill's trade id ({@code f}).
 * @param lastTradeId      the last fill's trade id ({@code l}).
 * @param buyerMaker       whether the resting orders were buys ({@code m}).
 */
public record AggregateTrade(int marketId, long aggregateTradeId, long priceTicks, long quantityLots, long quoteMinor,
        long firstTradeId, long lastTradeId, long timeMillis, boolean buyerMaker) {
}

package io.lantau.store.history;

/**
 * An aggregated trade (Binance's aggTrades): consecutive trades of one taker order at one price.
 *
 * @param aggregateId  the id of the aggregate: its first trade id (increasing, not dense).
 * @param quantityLots summed quantity.
 * @param timeNanos    time of its first trade, epoch nanoseconds.
 * @param buyerMaker   whether the buyer was the maker.
 */
public record AggTrade(long aggregateId, int marketId, long priceTicks, long quantityLots, long firstTradeId,
        long lastTradeId, long timeNanos, boolean buyerMaker) {

    /** @return the time in epoch milliseconds. */
    public long timeMillis() {
        return Math.floorDiv(timeNanos, 1_000_000L);
    }
}

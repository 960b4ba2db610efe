package io.lantau.store.market;

import java.util.List;

/**
 * What the relational store remembers of recent market data, to refill the in-memory projections after a restart.
 * It must be complete up to the core's last sequence (the store's projections caught up first): trades after what it
 * holds and before that sequence would be missing from candles and statistics. Repeats are harmless: trades with ids
 * it already covers are skipped when they arrive again.
 *
 * @param minuteCandles   1-minute candles, at least the last 24 hours (and as far back as the longest interval
 *                        should show), any markets, any order.
 * @param trades          recent trades, oldest first per market.
 * @param aggregateTrades recent aggregate trades, oldest first per market; the newest of each market sets where its
 *                        aggregate ids continue.
 */
public record RecentHistory(List<Candle> minuteCandles, List<Trade> trades, List<AggregateTrade> aggregateTrades) {

    public RecentHistory {
        minuteCandles = List.copyOf(minuteCandles);
        trades = List.copyOf(trades);
        aggregateTrades = List.copyOf(aggregateTrades);
    }

    /** @return no history: a fresh platform. */
    public static RecentHistory none() {
        return new RecentHistory(List.of(), List.of(), List.of());
    }
}

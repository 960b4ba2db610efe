package io.lantau.store.market;

import java.util.EnumSet;
import java.util.Set;

/**
 * How much market data to keep in memory.
 *
 * @param recentTrades   trades and aggregate trades kept per market (Binance serves up to 1,000 per request).
 * @param closedCandles  closed candles kept per market and interval (Binance serves up to 1,000 per request).
 * @param klineIntervals the kline intervals to keep.
 */
public record MarketDataSettings(int recentTrades, int closedCandles, Set<KlineInterval> klineIntervals) {

    public MarketDataSettings {
        if (recentTrades < 1 || closedCandles < 1 || klineIntervals.isEmpty()) {
            throw new IllegalArgumentException("keep at least one trade, one candle and one interval");
        }
        klineIntervals = Set.copyOf(klineIntervals);
    }

    /** @return 1,000 trades, 1,000 closed candles, every interval from {@code 1s} to {@code 1M}. */
    public static MarketDataSettings defaults() {
        return new MarketDataSettings(1_000, 1_000, EnumSet.allOf(KlineInterval.class));
    }
}

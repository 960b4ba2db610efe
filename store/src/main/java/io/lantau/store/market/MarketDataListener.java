package io.lantau.store.market;

/**
 * Where the market-data projections push what changed, for the gateway's streams. Every method is called on the
 * projection thread, in sequence order, after the change is visible to the read API: an implementation must be quick
 * and hand off to its own threads. Every method does nothing by default.
 */
public interface MarketDataListener {
    /** A listener that ignores everything. */
    MarketDataListener NONE = new MarketDataListener() {
    };

    /**
     * One command changed a market's book ({@code @depth} streams). Ids are gap-free per market: each update's
     * {@code firstUpdateId} is the previous update's {@code finalUpdateId + 1}. Coalesce with
     * {@link DepthUpdateCoalescer} for the time-sliced streams.
     */
    default void onDepthUpdate(DepthUpdate update) {
    }

    /** A market's best bid or best ask (price or quantity) changed ({@code @bookTicker}). */
    default void onBookTicker(BookTicker ticker) {
    }

    /** One fill ({@code @trade}), in trade-id order. */
    default void onTrade(Trade trade) {
    }

    /** One aggregate trade, complete ({@code @aggTrade}); called after the trades it sums. */
    default void onAggregateTrade(AggregateTrade trade) {
    }

    /**
     * A candle changed ({@code @kline_<interval>}): once per interval for each command with trades in the market, and
     * once with {@code closed} set (Binance's {@code x}) when the first command past its end arrives.
     *
     * @param candle the projection's own candle, valid during this call only: {@link Candle#copy()} it to keep it.
     */
    default void onKline(KlineInterval interval, Candle candle, boolean closed) {
    }

    /**
     * A market's 24-hour statistics changed ({@code @ticker}, {@code @miniTicker}): after a command with trades in it,
     * or when trades left its window.
     */
    default void onTicker(TickerStatistics ticker) {
    }
}

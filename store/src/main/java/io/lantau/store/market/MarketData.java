package io.lantau.store.market;

import io.lantau.core.ExchangeCore;
import io.lantau.core.config.CoreConfig;
import io.lantau.core.event.CoreEvent;
import io.lantau.store.Projection;
import java.util.List;

/**
 * All in-memory market data of the platform behind one {@link Projection}: depth, trades, klines and 24-hour
 * statistics, and the read API the gateway serves them from. Values are in ticks, lots and minor units; the gateway
 * converts them with the market's {@code MarketSpec}.
 *
 * <p><b>Threading:</b> the dispatcher calls {@link #onCommand} on its one projection thread; this forwards to the
 * depth, trade, kline and ticker projections in that order and they call the {@link MarketDataListener} on the same
 * thread as soon as a change is readable. The read methods may be called from any thread at any time: each returns a
 * consistent copy of one market's state (depth levels always match their update id) and never blocks the projection
 * thread for longer than the copy, and only if a write overlaps it. Reads of different projections are not atomic
 * with each other (a ticker may be one command ahead of the depth read just before it).
 *
 * <p><b>Determinism:</b> no clock is read here. Time is the commands' timestamps; readers that want statistics as of
 * "now" pass their time in.
 */
public final class MarketData implements Projection {
    private final DepthProjection depth;
    private final TradeProjection trades;
    private final KlineProjection klines;
    private final TickerProjection tickers;

    private MarketData(DepthProjection depth, int marketCount, MarketDataSettings settings,
            MarketDataListener listener) {
        this.depth = depth;
        this.trades = new TradeProjection(marketCount, settings.recentTrades(), listener);
        this.klines = new KlineProjection(marketCount, settings.klineIntervals(), settings.closedCandles(), listener);
        this.tickers = new TickerProjection(marketCount, depth::bookTicker, listener);
    }

    /** Market data of a core that has applied no command yet: empty books, no trades, update ids from 0. */
    public static MarketData create(CoreConfig config, MarketDataSettings settings, MarketDataListener listener) {
        int marketCount = config.markets().size();
        return new MarketData(new DepthProjection(marketCount, listener), marketCount, settings, listener);
    }

    /**
     * Market data of a running (typically just recovered) core: depth from its books, with every market's update id
     * at the core's last sequence; trades, candles and statistics from the store's {@code history}. Call it on the
     * core's thread between commands, then feed it the commands after {@link ExchangeCore#lastSequence()}.
     */
    public static MarketData recover(ExchangeCore core, RecentHistory history, MarketDataSettings settings,
            MarketDataListener listener) {
        int marketCount = core.config().markets().size();
        MarketData data = new MarketData(DepthProjection.fromCore(core, listener), marketCount, settings, listener);
        long sequence = core.lastSequence();
        data.trades.restore(history.trades(), history.aggregateTrades(), sequence);
        data.klines.restore(history.minuteCandles(), sequence);
        data.tickers.restore(history.minuteCandles(), sequence);
        return data;
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        depth.onCommand(sequence, timestampNanos, events);
        trades.onCommand(sequence, timestampNanos, events);
        klines.onCommand(sequence, timestampNanos, events);
        tickers.onCommand(sequence, timestampNanos, events);
    }

    @Override
    public long lastAppliedSequence() {
        return depth.lastAppliedSequence();
    }

    /** @return the top {@code limit} levels per side with their update id ({@code /api/v3/depth}). */
    public DepthSnapshot depth(int marketId, int limit) {
        return depth.depth(marketId, limit);
    }

    /** @return best bid and ask ({@code ticker/bookTicker}). */
    public BookTicker bookTicker(int marketId) {
        return depth.bookTicker(marketId);
    }

    /** @return up to {@code limit} latest trades, oldest first ({@code /api/v3/trades}). */
    public List<Trade> recentTrades(int marketId, int limit) {
        return trades.recentTrades(marketId, limit);
    }

    /** @return up to {@code limit} latest aggregate trades, oldest first ({@code /api/v3/aggTrades}). */
    public List<AggregateTrade> recentAggregateTrades(int marketId, int limit) {
        return trades.recentAggregateTrades(marketId, limit);
    }

    /**
     * Candles as {@code /api/v3/klines} selects them; see {@link KlineProjection#klines(int, KlineInterval, long,
     * long, int)}.
     */
    public List<Candle> klines(int marketId, KlineInterval interval, long startTimeMillis, long endTimeMillis,
            int limit) {
        return klines.klines(marketId, interval, startTimeMillis, endTimeMillis, limit);
    }

    /** @return 24-hour statistics as of {@code nowMillis} or the last command, whichever is later. */
    public TickerStatistics ticker24h(int marketId, long nowMillis) {
        return tickers.ticker24h(marketId, nowMillis);
    }

    /** @return the latest trade price in ticks, 0 if never traded ({@code ticker/price}). */
    public long lastPriceTicks(int marketId) {
        return tickers.lastPriceTicks(marketId);
    }

    /** @return the 5-minute average price ({@code /api/v3/avgPrice}). */
    public AveragePrice averagePrice(int marketId, long nowMillis) {
        return tickers.averagePrice(marketId, nowMillis);
    }

    public DepthProjection depthProjection() {
        return depth;
    }

    public TradeProjection tradeProjection() {
        return trades;
    }

    public KlineProjection klineProjection() {
        return klines;
    }

    public TickerProjection tickerProjection() {
        return tickers;
    }
}

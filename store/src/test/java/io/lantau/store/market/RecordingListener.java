package io.lantau.store.market;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything the projections push, candles copied. */
class RecordingListener implements MarketDataListener {
    final List<DepthUpdate> depthUpdates = new ArrayList<>();
    final List<BookTicker> bookTickers = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<AggregateTrade> aggregateTrades = new ArrayList<>();
    final List<KlineUpdate> klines = new ArrayList<>();
    final List<TickerStatistics> tickers = new ArrayList<>();

    record KlineUpdate(KlineInterval interval, Candle candle, boolean closed) {
    }

    @Override
    public void onDepthUpdate(DepthUpdate update) {
        depthUpdates.add(update);
    }

    @Override
    public void onBookTicker(BookTicker ticker) {
        bookTickers.add(ticker);
    }

    @Override
    public void onTrade(Trade trade) {
        trades.add(trade);
    }

    @Override
    public void onAggregateTrade(AggregateTrade trade) {
        aggregateTrades.add(trade);
    }

    @Override
    public void onKline(KlineInterval interval, Candle candle, boolean closed) {
        klines.add(new KlineUpdate(interval, candle.copy(), closed));
    }

    @Override
    public void onTicker(TickerStatistics ticker) {
        tickers.add(ticker);
    }

    void clear() {
        depthUpdates.clear();
        bookTickers.clear();
        trades.clear();
        aggregateTrades.clear();
        klines.clear();
        tickers.clear();
    }
}

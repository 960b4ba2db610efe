package io.lantau.app.platform;

import io.lantau.core.config.CoreConfig;
import io.lantau.core.config.MarketSpec;
import io.lantau.store.history.AggTrade;
import io.lantau.store.history.CandleRepository;
import io.lantau.store.history.HistoryQuery;
import io.lantau.store.history.TradeHistoryRepository;
import io.lantau.store.history.TradeRecord;
import io.lantau.store.market.AggregateTrade;
import io.lantau.store.market.Candle;
import io.lantau.store.market.KlineInterval;
import io.lantau.store.market.RecentHistory;
import io.lantau.store.market.Trade;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads from the relational history what the in-memory market data needs after a restart: the last two days of
 * 1-minute candles (the 24-hour statistics and the recent candles of every interval) and the latest trades and
 * aggregated trades of every market. The history must have caught up with the journal first.
 */
final class RecentHistoryLoader {
    private static final long TWO_DAYS_MILLIS = 2 * 86_400_000L;
    private static final int TRADES = 1_000;

    private RecentHistoryLoader() {
    }

    static RecentHistory load(CoreConfig config, DataSource dataSource, long nowMillis) {
        CandleRepository candles = new CandleRepository(dataSource);
        TradeHistoryRepository trades = new TradeHistoryRepository(dataSource);
        List<Candle> minutes = new ArrayList<>();
        List<Trade> recentTrades = new ArrayList<>();
        List<AggregateTrade> aggregates = new ArrayList<>();
        for (MarketSpec market : config.markets()) {
            int id = market.marketId();
            List<TradeRecord> latest = new ArrayList<>(trades.recentTrades(id, TRADES));
            latest.sort((a, b) -> Long.compare(a.tradeId(), b.tradeId()));
            long lastTradeMillis = Long.MIN_VALUE;
            for (TradeRecord t : latest) {
                recentTrades.add(new Trade(id, t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor(),
                        t.timeMillis(), t.isBuyerMaker()));
                lastTradeMillis = Math.max(lastTradeMillis, t.timeMillis());
            }
            // The store answers a window of MAX_LIMIT consecutive minutes from the start, not MAX_LIMIT candles:
            // walk the windows up to now (or the last trade, should the sequencer's clock be ahead of ours).
            long end = Math.max(nowMillis, lastTradeMillis);
            for (long start = KlineInterval.MINUTE_1.openTimeOf(nowMillis - TWO_DAYS_MILLIS); start <= end;
                    start = KlineInterval.MINUTE_1.plus(start, HistoryQuery.MAX_LIMIT)) {
                minutes.addAll(candles.klines(id, KlineInterval.MINUTE_1, start, null, HistoryQuery.MAX_LIMIT));
            }
            for (AggTrade a : trades.aggTrades(id, HistoryQuery.latest(TRADES))) {
                aggregates.add(new AggregateTrade(id, a.aggregateId(), a.priceTicks(), a.quantityLots(),
                        market.notionalMinor(a.priceTicks(), a.quantityLots()), a.firstTradeId(), a.lastTradeId(),
                        a.timeMillis(), a.buyerMaker()));
            }
        }
        return new RecentHistory(minutes, recentTrades, aggregates);
    }
}

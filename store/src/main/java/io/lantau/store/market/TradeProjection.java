package io.lantau.store.market;

import io.lantau.core.Side;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.Projection;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * The recent trades and aggregate trades of every market, in bounded rings, for {@code /api/v3/trades},
 * {@code /api/v3/aggTrades} and the {@code @trade} / {@code @aggTrade} streams.
 *
 * <p><b>Aggregation</b> (Binance's aggTrades): consecutive fills of the same taker order at the same price within one
 * command make one {@link AggregateTrade}; a new taker, a new price or the end of the command closes it. Aggregate
 * ids count 1, 2, 3 ... per market; after a restart they continue from the last aggregate trade given to
 * {@link #restore}.
 *
 * <p><b>Time</b> is the command's timestamp in milliseconds, never earlier than a previous command's (the clock
 * only moves forward). <b>Threading:</b> {@link #onCommand} on the projection thread; each market's rings change under
 * its {@link StampedLock}; reads from any thread.
 */
public final class TradeProjection implements Projection {
    private final MarketTrades[] markets;
    private final MarketDataListener listener;
    private long lastAppliedSequence;
    private long clockMillis = Long.MIN_VALUE;
    private long skipTradesUpTo;

    private int pendingMarket = -1;
    private long pendingTakerOrderId;
    private long pendingPriceTicks;
    private long pendingLots;
    private long pendingQuoteMinor;
    private long pendingFirstTradeId;
    private long pendingLastTradeId;
    private long pendingTimeMillis;
    private boolean pendingBuyerMaker;

    /**
     * @param capacity how many trades and how many aggregate trades to keep per market.
     */
    public TradeProjection(int marketCount, int capacity, MarketDataListener listener) {
        this.markets = new MarketTrades[marketCount];
        for (int m = 0; m < marketCount; m++) {
            markets[m] = new MarketTrades(capacity);
        }
        this.listener = listener;
    }

    /**
     * Refills the rings after a restart, before the first command: trades and aggregate trades as the store kept
     * them, oldest first per market. Aggregate ids continue after each market's last one; trades with an id up to
     * the newest given are ignored when they arrive again.
     *
     * @param lastAppliedSequence the sequence up to which these (and the other projections' state) are complete.
     */
    public void restore(List<Trade> trades, List<AggregateTrade> aggregateTrades, long lastAppliedSequence) {
        for (Trade t : trades) {
            MarketTrades market = market(t.marketId());
            market.trades.add(t);
            skipTradesUpTo = Math.max(skipTradesUpTo, t.tradeId());
            clockMillis = Math.max(clockMillis, t.timeMillis());
        }
        for (AggregateTrade a : aggregateTrades) {
            MarketTrades market = market(a.marketId());
            market.aggregateTrades.add(a);
            market.lastAggregateTradeId = Math.max(market.lastAggregateTradeId, a.aggregateTradeId());
            skipTradesUpTo = Math.max(skipTradesUpTo, a.lastTradeId());
        }
        this.lastAppliedSequence = lastAppliedSequence;
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        if (sequence <= lastAppliedSequence) {
            return;
        }
        clockMillis = Math.max(clockMillis, Math.floorDiv(timestampNanos, 1_000_000L));
        for (int i = 0, n = events.size(); i < n; i++) {
            if (events.get(i) instanceof TradeExecuted t && t.tradeId() > skipTradesUpTo) {
                trade(t);
            }
        }
        flushAggregate();
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    /** @return up to {@code limit} of the market's latest trades, oldest first. */
    public List<Trade> recentTrades(int marketId, int limit) {
        MarketTrades market = market(marketId);
        return OptimisticRead.read(market.lock, () -> market.trades.last(limit));
    }

    /** @return up to {@code limit} of the market's latest aggregate trades, oldest first. */
    public List<AggregateTrade> recentAggregateTrades(int marketId, int limit) {
        MarketTrades market = market(marketId);
        return OptimisticRead.read(market.lock, () -> market.aggregateTrades.last(limit));
    }

    /** @return the market's latest trade, or {@code null} if it has none in memory. */
    public Trade lastTrade(int marketId) {
        MarketTrades market = market(marketId);
        return OptimisticRead.read(market.lock, market.trades::newest);
    }

    private MarketTrades market(int marketId) {
        if (marketId < 0 || marketId >= markets.length) {
            throw new IllegalArgumentException("unknown market " + marketId);
        }
        return markets[marketId];
    }

    private void trade(TradeExecuted t) {
        int marketId = t.maker().marketId();
        boolean buyerMaker = t.maker().side() == Side.BUY;
        Trade trade = new Trade(marketId, t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor(), clockMillis,
                buyerMaker);
        MarketTrades market = markets[marketId];
        long stamp = market.lock.writeLock();
        try {
            market.trades.add(trade);
        } finally {
            market.lock.unlockWrite(stamp);
        }
        listener.onTrade(trade);
        long takerOrderId = t.taker().orderId();
        if (pendingMarket == marketId && pendingTakerOrderId == takerOrderId && pendingPriceTicks == t.priceTicks()) {
            pendingLots += t.quantityLots();
            pendingQuoteMinor += t.quoteMinor();
            pendingLastTradeId = t.tradeId();
            return;
        }
        flushAggregate();
        pendingMarket = marketId;
        pendingTakerOrderId = takerOrderId;
        pendingPriceTicks = t.priceTicks();
        pendingLots = t.quantityLots();
        pendingQuoteMinor = t.quoteMinor();
        pendingFirstTradeId = t.tradeId();
        pendingLastTradeId = t.tradeId();
        pendingTimeMillis = clockMillis;
        pendingBuyerMaker = buyerMaker;
    }

    private void flushAggregate() {
        if (pendingMarket < 0) {
            return;
        }
        MarketTrades market = markets[pendingMarket];
        AggregateTrade aggregate = new AggregateTrade(pendingMarket, market.lastAggregateTradeId + 1,
                pendingPriceTicks, pendingLots, pendingQuoteMinor, pendingFirstTradeId, pendingLastTradeId,
                pendingTimeMillis, pendingBuyerMaker);
        long stamp = market.lock.writeLock();
        try {
            market.aggregateTrades.add(aggregate);
            market.lastAggregateTradeId++;
        } finally {
            market.lock.unlockWrite(stamp);
        }
        pendingMarket = -1;
        listener.onAggregateTrade(aggregate);
    }

    /** One market's rings; the lock guards both and the aggregate id. */
    private static final class MarketTrades {
        final StampedLock lock = new StampedLock();
        final RecentRing<Trade> trades;
        final RecentRing<AggregateTrade> aggregateTrades;
        long lastAggregateTradeId;

        MarketTrades(int capacity) {
            this.trades = new RecentRing<>(capacity);
            this.aggregateTrades = new RecentRing<>(capacity);
        }
    }
}

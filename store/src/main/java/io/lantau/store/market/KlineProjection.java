package io.lantau.store.market;

import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.Projection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.locks.StampedLock;

/**
 * Candles (klines) of every market for each of a set of {@link KlineInterval}s: the current candle and the last
 * {@code closedCapacity} closed ones, for {@code /api/v3/klines} and the {@code @kline_<interval>} streams.
 *
 * <p><b>Rules:</b> a trade's time is its command's timestamp in milliseconds (never earlier than a previous
 * command's: the projection's clock only moves forward), and it goes into the candle of each interval that contains
 * that time. A candle is closed by the first command whose time is at or past its end, traded or not; the listener
 * then gets it with {@code closed} set. An interval without trades has no candle (the series has a gap), as the
 * projection cannot invent a price. After a restart, {@link #restore} rebuilds every interval of at least a minute
 * from the stored 1-minute candles ({@code 1s} restarts empty).
 *
 * <p><b>Threading:</b> {@link #onCommand} on the projection thread; each market's candles change under its
 * {@link StampedLock}; {@link #klines} from any thread returns copies.
 */
public final class KlineProjection implements Projection {
    private final MarketKlines[] markets;
    private final MarketDataListener listener;
    private final int[] touched;
    private int touchedCount;
    private long clockMillis = Long.MIN_VALUE;
    /** The earliest end of any current candle: the first time at which a candle must close. */
    private long nextCloseMillis = Long.MAX_VALUE;
    private long skipTradesUpTo;
    private long lastAppliedSequence;

    /**
     * @param intervals      the intervals to keep candles for.
     * @param closedCapacity how many closed candles to keep per market and interval (Binance serves up to 1000).
     */
    public KlineProjection(int marketCount, Collection<KlineInterval> intervals, int closedCapacity,
            MarketDataListener listener) {
        KlineInterval[] kept = EnumSet.copyOf(intervals).toArray(new KlineInterval[0]);
        this.markets = new MarketKlines[marketCount];
        for (int m = 0; m < marketCount; m++) {
            markets[m] = new MarketKlines(m, kept, closedCapacity);
        }
        this.touched = new int[marketCount];
        this.listener = listener;
    }

    /**
     * Rebuilds the candles from stored 1-minute candles, before the first command. Trades with an id up to the
     * newest candle's last trade id are ignored when they arrive again. The newest candle of each interval stays
     * current until a command's time passes its end.
     *
     * @param minuteCandles       1-minute candles of any markets, in any order.
     * @param lastAppliedSequence the sequence up to which the candles (and the other projections' state) are complete.
     */
    public void restore(List<Candle> minuteCandles, long lastAppliedSequence) {
        List<Candle> sorted = new ArrayList<>(minuteCandles);
        sorted.sort(Comparator.comparingInt(Candle::marketId).thenComparingLong(Candle::openTimeMillis));
        for (Candle minute : sorted) {
            if (minute.intervalMillis() != KlineInterval.MINUTE_1.lengthMillis(0)) {
                throw new IllegalArgumentException("not a 1-minute candle: " + minute.intervalMillis() + " ms");
            }
            if (minute.tradeCount() == 0) {
                continue;
            }
            for (Series series : market(minute.marketId()).series) {
                if (series != null && series.interval != KlineInterval.SECOND_1) {
                    series.restore(minute);
                }
            }
            skipTradesUpTo = Math.max(skipTradesUpTo, minute.lastTradeId());
            clockMillis = Math.max(clockMillis, minute.openTimeMillis());
        }
        nextCloseMillis = earliestEnd();
        this.lastAppliedSequence = lastAppliedSequence;
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        if (sequence <= lastAppliedSequence) {
            return;
        }
        clockMillis = Math.max(clockMillis, Math.floorDiv(timestampNanos, 1_000_000L));
        if (clockMillis >= nextCloseMillis) {
            closeDue();
        }
        MarketKlines locked = null;
        long stamp = 0;
        try {
            for (int i = 0, n = events.size(); i < n; i++) {
                if (events.get(i) instanceof TradeExecuted t && t.tradeId() > skipTradesUpTo) {
                    MarketKlines market = markets[t.maker().marketId()];
                    if (market != locked) {
                        if (locked != null) {
                            locked.lock.unlockWrite(stamp);
                        }
                        locked = null;
                        stamp = market.lock.writeLock();
                        locked = market;
                    }
                    nextCloseMillis = Math.min(nextCloseMillis, market.add(t, clockMillis));
                    if (!market.touched) {
                        market.touched = true;
                        touched[touchedCount++] = market.marketId;
                    }
                }
            }
        } finally {
            if (locked != null) {
                locked.lock.unlockWrite(stamp);
            }
        }
        for (int i = 0; i < touchedCount; i++) {
            MarketKlines market = markets[touched[i]];
            market.touched = false;
            for (Series series : market.series) {
                if (series != null) {
                    listener.onKline(series.interval, series.current, false);
                }
            }
        }
        touchedCount = 0;
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    /**
     * Copies of the market's candles of one interval, oldest first, as {@code /api/v3/klines} selects them: those
     * whose open time lies in {@code [startTimeMillis, endTimeMillis]}; the first {@code limit} of them if a start
     * was given, else the last {@code limit}. The current candle, if any, comes last.
     *
     * @param startTimeMillis {@link Long#MIN_VALUE} if the request has none.
     * @param endTimeMillis   {@link Long#MAX_VALUE} if the request has none.
     * @throws IllegalArgumentException for an interval this projection does not keep.
     */
    public List<Candle> klines(int marketId, KlineInterval interval, long startTimeMillis, long endTimeMillis,
            int limit) {
        MarketKlines market = market(marketId);
        Series series = market.series[interval.ordinal()];
        if (series == null) {
            throw new IllegalArgumentException("interval " + interval.code() + " is not kept");
        }
        return OptimisticRead.read(market.lock,
                () -> series.select(startTimeMillis, endTimeMillis, limit, startTimeMillis != Long.MIN_VALUE));
    }

    /** @return the latest {@code limit} candles of the market and interval, oldest first. */
    public List<Candle> klines(int marketId, KlineInterval interval, int limit) {
        return klines(marketId, interval, Long.MIN_VALUE, Long.MAX_VALUE, limit);
    }

    /** @return whether candles of this interval are kept. */
    public boolean keeps(KlineInterval interval) {
        return markets.length > 0 && markets[0].series[interval.ordinal()] != null;
    }

    private MarketKlines market(int marketId) {
        if (marketId < 0 || marketId >= markets.length) {
            throw new IllegalArgumentException("unknown market " + marketId);
        }
        return markets[marketId];
    }

    private void closeDue() {
        for (MarketKlines market : markets) {
            int closed = 0;
            long stamp = market.lock.writeLock();
            try {
                for (Series series : market.series) {
                    if (series != null && series.current != null && series.currentEndMillis <= clockMillis) {
                        series.closed.add(series.current);
                        market.justClosed[closed] = series.current;
                        market.justClosedIntervals[closed++] = series.interval;
                        series.current = null;
                    }
                }
            } finally {
                market.lock.unlockWrite(stamp);
            }
            for (int i = 0; i < closed; i++) {
                Candle candle = market.justClosed[i];
                market.justClosed[i] = null;
                listener.onKline(market.justClosedIntervals[i], candle, true);
            }
        }
        nextCloseMillis = earliestEnd();
    }

    private long earliestEnd() {
        long earliest = Long.MAX_VALUE;
        for (MarketKlines market : markets) {
            for (Series series : market.series) {
                if (series != null && series.current != null) {
                    earliest = Math.min(earliest, series.currentEndMillis);
                }
            }
        }
        return earliest;
    }

    /** One market's series, indexed by interval ordinal (null where not kept); the lock guards them all. */
    private static final class MarketKlines {
        final int marketId;
        final StampedLock lock = new StampedLock();
        final Series[] series = new Series[KlineInterval.values().length];
        final Candle[] justClosed = new Candle[KlineInterval.values().length];
        final KlineInterval[] justClosedIntervals = new KlineInterval[KlineInterval.values().length];
        boolean touched;

        MarketKlines(int marketId, KlineInterval[] intervals, int closedCapacity) {
            this.marketId = marketId;
            for (KlineInterval interval : intervals) {
                series[interval.ordinal()] = new Series(marketId, interval, closedCapacity);
            }
        }

        /** @return the earliest end of the current candles after adding the trade. */
        long add(TradeExecuted t, long timeMillis) {
            long earliestEnd = Long.MAX_VALUE;
            for (Series s : series) {
                if (s != null) {
                    s.add(t, timeMillis);
                    earliestEnd = Math.min(earliestEnd, s.currentEndMillis);
                }
            }
            return earliestEnd;
        }
    }

    /** The candles of one market and interval: closed ones in a ring, and the current one. */
    private static final class Series {
        final int marketId;
        final KlineInterval interval;
        final RecentRing<Candle> closed;
        Candle current;
        /** The first millisecond after the current candle. */
        long currentEndMillis;

        Series(int marketId, KlineInterval interval, int closedCapacity) {
            this.marketId = marketId;
            this.interval = interval;
            this.closed = new RecentRing<>(closedCapacity);
        }

        void add(TradeExecuted t, long timeMillis) {
            if (current == null) {
                open(interval.openTimeOf(timeMillis));
            }
            current.add(t.tradeId(), t.priceTicks(), t.quantityLots(), t.quoteMinor());
        }

        void restore(Candle minute) {
            long openTime = interval.openTimeOf(minute.openTimeMillis());
            if (current != null && current.openTimeMillis() != openTime) {
                closed.add(current);
                current = null;
            }
            if (current == null) {
                open(openTime);
            }
            current.merge(minute);
        }

        private void open(long openTimeMillis) {
            long length = interval.lengthMillis(openTimeMillis);
            current = new Candle(marketId, openTimeMillis, length);
            currentEndMillis = openTimeMillis + length;
        }

        List<Candle> select(long startTimeMillis, long endTimeMillis, int limit, boolean fromStart) {
            List<Candle> all = new ArrayList<>(closed.last(Integer.MAX_VALUE));
            Candle now = current;
            if (now != null) {
                all.add(now);
            }
            List<Candle> inRange = new ArrayList<>(all.size());
            for (Candle c : all) {
                if (c.openTimeMillis() >= startTimeMillis && c.openTimeMillis() <= endTimeMillis) {
                    inRange.add(c);
                }
            }
            int n = Math.max(0, Math.min(limit, inRange.size()));
            int from = fromStart ? 0 : inRange.size() - n;
            List<Candle> copies = new ArrayList<>(n);
            for (int i = from; i < from + n; i++) {
                copies.add(inRange.get(i).copy());
            }
            return copies;
        }
    }
}

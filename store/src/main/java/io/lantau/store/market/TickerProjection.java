package io.lantau.store.market;

import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.Projection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.StampedLock;
import java.util.function.IntFunction;

/**
 * Rolling 24-hour statistics and the 5-minute average price of every market, from 1-minute buckets.
 *
 * <p><b>Window and precision:</b> trades fall into the bucket of their minute (the command's time in milliseconds,
 * floored to the minute). The 24-hour window at time {@code t} is the bucket of {@code t}'s minute and the 1,439
 * before it: it never holds a trade older than 24 hours and may miss the trades of up to the last 60 seconds before
 * that (it reaches back between 23 h 59 min and 24 h). {@code prevClose} is the latest trade before the window. The
 * average price uses the same buckets over 5 minutes (between 4 and 5 minutes of history).
 *
 * <p><b>Time</b> moves only with command timestamps (never backwards: the clock is the latest seen), and with the
 * {@code nowMillis} a reader passes, which can only look later than the projection's clock. Statistics are kept as
 * running totals, so a trade costs O(1); when trades leave the window (at most once a minute) the market's window is
 * summed again from its buckets.
 *
 * <p><b>Threading:</b> {@link #onCommand} on the projection thread; each market's buckets change under its
 * {@link StampedLock}; reads from any thread.
 */
public final class TickerProjection implements Projection {
    /** Minutes in the 24-hour window. */
    public static final int WINDOW_MINUTES = 1_440;
    /** Minutes of the average price ({@code /api/v3/avgPrice}). */
    public static final int AVERAGE_PRICE_MINUTES = 5;
    private static final long MINUTE_MILLIS = 60_000L;
    private static final long NO_MINUTE = Long.MIN_VALUE;

    private final MarketWindow[] markets;
    private final IntFunction<BookTicker> books;
    private final MarketDataListener listener;
    private final int[] changed;
    private int changedCount;
    /** The latest command time; volatile for readers, which may ask for a later time but not an earlier one. */
    private volatile long clockMillis = Long.MIN_VALUE;
    /** The minute of the clock: the newest bucket of every window. */
    private long currentMinute = NO_MINUTE;
    private long skipTradesUpTo;
    private long lastAppliedSequence;

    /**
     * @param books where the best bid and ask come from (the depth projection), by market id.
     */
    public TickerProjection(int marketCount, IntFunction<BookTicker> books, MarketDataListener listener) {
        this.markets = new MarketWindow[marketCount];
        for (int m = 0; m < marketCount; m++) {
            markets[m] = new MarketWindow(m);
        }
        this.changed = new int[marketCount];
        this.books = books;
        this.listener = listener;
    }

    /**
     * Refills the buckets from stored 1-minute candles, before the first command. The clock moves to the newest
     * candle's minute; trades with an id up to the newest candle's last trade id are ignored when they arrive again.
     * The latest trade's quantity is not in a candle and shows as 0 until the next trade.
     *
     * @param lastAppliedSequence the sequence up to which the candles (and the other projections' state) are complete.
     */
    public void restore(List<Candle> minuteCandles, long lastAppliedSequence) {
        List<Candle> sorted = new ArrayList<>(minuteCandles);
        sorted.sort(Comparator.comparingLong(Candle::openTimeMillis));
        for (Candle c : sorted) {
            if (c.tradeCount() > 0) {
                currentMinute = Math.max(currentMinute, Math.floorDiv(c.openTimeMillis(), MINUTE_MILLIS));
                clockMillis = Math.max(clockMillis, c.openTimeMillis());
            }
        }
        for (Candle c : sorted) {
            if (c.tradeCount() > 0) {
                market(c.marketId()).restore(c, currentMinute);
                skipTradesUpTo = Math.max(skipTradesUpTo, c.lastTradeId());
            }
        }
        for (MarketWindow market : markets) {
            market.endMinute = currentMinute;
            market.sum(currentMinute);
        }
        this.lastAppliedSequence = lastAppliedSequence;
    }

    @Override
    public void onCommand(long sequence, long timestampNanos, List<CoreEvent> events) {
        if (sequence <= lastAppliedSequence) {
            return;
        }
        long nowMillis = Math.max(clockMillis, Math.floorDiv(timestampNanos, 1_000_000L));
        clockMillis = nowMillis;
        long minute = Math.floorDiv(nowMillis, MINUTE_MILLIS);
        if (minute > currentMinute) {
            for (MarketWindow market : markets) {
                long stamp = market.lock.writeLock();
                boolean lost;
                try {
                    lost = market.advance(minute);
                } finally {
                    market.lock.unlockWrite(stamp);
                }
                if (lost) {
                    markChanged(market);
                }
            }
            currentMinute = minute;
        }
        for (int i = 0, n = events.size(); i < n; i++) {
            if (events.get(i) instanceof TradeExecuted t && t.tradeId() > skipTradesUpTo) {
                MarketWindow market = markets[t.maker().marketId()];
                long stamp = market.lock.writeLock();
                try {
                    market.trade(minute, nowMillis, t);
                } finally {
                    market.lock.unlockWrite(stamp);
                }
                markChanged(market);
            }
        }
        for (int i = 0; i < changedCount; i++) {
            MarketWindow market = markets[changed[i]];
            market.changed = false;
            listener.onTicker(market.totals(nowMillis, books.apply(market.marketId)));
        }
        changedCount = 0;
        lastAppliedSequence = sequence;
    }

    @Override
    public long lastAppliedSequence() {
        return lastAppliedSequence;
    }

    /**
     * @param nowMillis the reader's time; the projection's clock if that is later.
     * @return the market's statistics over the 24-hour window ending at that time.
     */
    public TickerStatistics ticker24h(int marketId, long nowMillis) {
        MarketWindow market = market(marketId);
        BookTicker book = books.apply(marketId);
        long closeTime = Math.max(nowMillis, clockMillis);
        return OptimisticRead.read(market.lock, () -> {
            long endMinute = Math.floorDiv(closeTime, MINUTE_MILLIS);
            return endMinute <= market.endMinute ? market.totals(closeTime, book)
                    : market.scan(endMinute, closeTime, book);
        });
    }

    /** @return the market's average price over {@value #AVERAGE_PRICE_MINUTES} minutes ending at {@code nowMillis}. */
    public AveragePrice averagePrice(int marketId, long nowMillis) {
        MarketWindow market = market(marketId);
        long endMinute = Math.floorDiv(Math.max(nowMillis, clockMillis), MINUTE_MILLIS);
        return OptimisticRead.read(market.lock, () -> market.averagePrice(endMinute));
    }

    /** @return the latest trade's price, 0 if the market never traded ({@code ticker/price}). */
    public long lastPriceTicks(int marketId) {
        MarketWindow market = market(marketId);
        return OptimisticRead.read(market.lock, () -> market.lastTicks);
    }

    private MarketWindow market(int marketId) {
        if (marketId < 0 || marketId >= markets.length) {
            throw new IllegalArgumentException("unknown market " + marketId);
        }
        return markets[marketId];
    }

    private void markChanged(MarketWindow market) {
        if (!market.changed) {
            market.changed = true;
            changed[changedCount++] = market.marketId;
        }
    }

    private static int slot(long minute) {
        return (int) Math.floorMod(minute, (long) WINDOW_MINUTES);
    }

    /**
     * One market's 1-minute buckets (a ring indexed by minute, each tagged with its minute so stale ones are
     * recognised) and the running totals of the window ending at the projection's current minute.
     */
    private static final class MarketWindow {
        final int marketId;
        final StampedLock lock = new StampedLock();
        final long[] minuteOf = new long[WINDOW_MINUTES];
        final long[] open = new long[WINDOW_MINUTES];
        final long[] high = new long[WINDOW_MINUTES];
        final long[] low = new long[WINDOW_MINUTES];
        final long[] close = new long[WINDOW_MINUTES];
        final long[] volume = new long[WINDOW_MINUTES];
        final long[] quote = new long[WINDOW_MINUTES];
        final long[] count = new long[WINDOW_MINUTES];
        final long[] firstId = new long[WINDOW_MINUTES];
        final long[] lastId = new long[WINDOW_MINUTES];
        boolean changed;

        /** The minute the running totals are for: the newest bucket of the window. */
        long endMinute = NO_MINUTE;
        long windowOpen;
        long windowHigh;
        long windowLow;
        long windowVolume;
        long windowQuote;
        long windowCount;
        long windowFirstId;
        long windowLastId;
        long prevCloseTicks;
        long lastTicks;
        long lastQuantityLots;
        long lastTradeTimeMillis;

        MarketWindow(int marketId) {
            this.marketId = marketId;
            Arrays.fill(minuteOf, NO_MINUTE);
        }

        void trade(long minute, long timeMillis, TradeExecuted t) {
            int s = slot(minute);
            long price = t.priceTicks();
            if (minuteOf[s] != minute) {
                minuteOf[s] = minute;
                open[s] = high[s] = low[s] = price;
                firstId[s] = t.tradeId();
                volume[s] = quote[s] = count[s] = 0;
            }
            high[s] = Math.max(high[s], price);
            low[s] = Math.min(low[s], price);
            close[s] = price;
            volume[s] += t.quantityLots();
            quote[s] += t.quoteMinor();
            count[s]++;
            lastId[s] = t.tradeId();
            if (windowCount == 0) {
                windowOpen = windowHigh = windowLow = price;
                windowFirstId = t.tradeId();
            }
            windowHigh = Math.max(windowHigh, price);
            windowLow = Math.min(windowLow, price);
            windowVolume += t.quantityLots();
            windowQuote += t.quoteMinor();
            windowCount++;
            windowLastId = t.tradeId();
            lastTicks = price;
            lastQuantityLots = t.quantityLots();
            lastTradeTimeMillis = timeMillis;
        }

        /**
         * Moves the window's end to {@code toMinute}.
         *
         * @return whether trades left the window.
         */
        boolean advance(long toMinute) {
            long fromMinute = endMinute;
            endMinute = toMinute;
            if (fromMinute == NO_MINUTE || windowCount == 0) {
                return false; // nothing in the window to leave; prevClose already is the last trade before it
            }
            boolean lost = false;
            if (toMinute - fromMinute >= WINDOW_MINUTES) {
                prevCloseTicks = lastTicks;
                lost = true;
            } else {
                for (long m = fromMinute - WINDOW_MINUTES + 1; m <= toMinute - WINDOW_MINUTES; m++) {
                    int s = slot(m);
                    if (minuteOf[s] == m && count[s] > 0) {
                        prevCloseTicks = close[s];
                        lost = true;
                    }
                }
            }
            if (lost) {
                sum(toMinute);
            }
            return lost;
        }

        /** Recomputes the running totals from the buckets of the window ending at {@code endMinute}. */
        void sum(long endMinute) {
            windowOpen = windowHigh = windowLow = 0;
            windowVolume = windowQuote = windowCount = 0;
            windowFirstId = windowLastId = 0;
            if (endMinute == NO_MINUTE) {
                return;
            }
            for (long m = endMinute - WINDOW_MINUTES + 1; m <= endMinute; m++) {
                int s = slot(m);
                if (minuteOf[s] == m && count[s] > 0) {
                    if (windowCount == 0) {
                        windowOpen = open[s];
                        windowHigh = high[s];
                        windowLow = low[s];
                        windowFirstId = firstId[s];
                    }
                    windowHigh = Math.max(windowHigh, high[s]);
                    windowLow = Math.min(windowLow, low[s]);
                    windowVolume += volume[s];
                    windowQuote += quote[s];
                    windowCount += count[s];
                    windowLastId = lastId[s];
                }
            }
        }

        TickerStatistics totals(long closeTimeMillis, BookTicker book) {
            return statistics(endMinute, closeTimeMillis, windowOpen, windowHigh, windowLow, windowVolume,
                    windowQuote, windowCount, windowFirstId, windowLastId, prevCloseTicks, book);
        }

        /** Statistics of a window ending after {@link #endMinute}, summed from the buckets (reader side). */
        TickerStatistics scan(long toMinute, long closeTimeMillis, BookTicker book) {
            long o = 0;
            long h = 0;
            long l = 0;
            long v = 0;
            long q = 0;
            long n = 0;
            long first = 0;
            long last = 0;
            long prevClose = prevCloseTicks;
            long start = toMinute - WINDOW_MINUTES + 1;
            // Only the buckets of the window ending at endMinute can hold trades; older ones are stale.
            long from = endMinute == NO_MINUTE ? toMinute + 1 : endMinute - WINDOW_MINUTES + 1;
            for (long m = from; m <= endMinute; m++) {
                int s = slot(m);
                if (minuteOf[s] != m || count[s] <= 0) {
                    continue;
                }
                if (m < start) {
                    prevClose = close[s];
                    continue;
                }
                if (n == 0) {
                    o = open[s];
                    h = high[s];
                    l = low[s];
                    first = firstId[s];
                }
                h = Math.max(h, high[s]);
                l = Math.min(l, low[s]);
                v += volume[s];
                q += quote[s];
                n += count[s];
                last = lastId[s];
            }
            return statistics(toMinute, closeTimeMillis, o, h, l, v, q, n, first, last, prevClose, book);
        }

        private TickerStatistics statistics(long windowEndMinute, long closeTimeMillis, long o, long h, long l, long v,
                long q, long n, long first, long last, long prevClose, BookTicker book) {
            long openTime = windowEndMinute == NO_MINUTE ? 0 : (windowEndMinute - WINDOW_MINUTES + 1) * MINUTE_MILLIS;
            if (n == 0) {
                return new TickerStatistics(marketId, openTime, closeTimeMillis, lastTicks, lastTicks, lastTicks,
                        lastTicks, lastQuantityLots, prevClose, 0, 0, -1, -1, 0, book);
            }
            return new TickerStatistics(marketId, openTime, closeTimeMillis, o, h, l, lastTicks, lastQuantityLots,
                    prevClose, v, q, first, last, n, book);
        }

        AveragePrice averagePrice(long toMinute) {
            long v = 0;
            long q = 0;
            for (long m = toMinute - AVERAGE_PRICE_MINUTES + 1; m <= toMinute; m++) {
                int s = slot(m);
                if (minuteOf[s] == m) {
                    v += volume[s];
                    q += quote[s];
                }
            }
            return new AveragePrice(marketId, AVERAGE_PRICE_MINUTES, v, q, lastTicks, lastTradeTimeMillis);
        }

        /** Puts one stored 1-minute candle into its bucket; {@link #sum} afterwards. */
        void restore(Candle c, long endMinute) {
            long minute = Math.floorDiv(c.openTimeMillis(), MINUTE_MILLIS);
            if (minute <= endMinute - WINDOW_MINUTES) {
                prevCloseTicks = c.closeTicks(); // candles arrive oldest first
            } else {
                int s = slot(minute);
                minuteOf[s] = minute;
                open[s] = c.openTicks();
                high[s] = c.highTicks();
                low[s] = c.lowTicks();
                close[s] = c.closeTicks();
                volume[s] = c.volumeLots();
                quote[s] = c.quoteVolumeMinor();
                count[s] = c.tradeCount();
                firstId[s] = c.firstTradeId();
                lastId[s] = c.lastTradeId();
            }
            lastTicks = c.closeTicks();
            lastQuantityLots = 0;
            lastTradeTimeMillis = c.closeTimeMillis();
        }
    }
}

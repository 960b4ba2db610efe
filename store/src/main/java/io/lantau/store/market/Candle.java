package io.lantau.store.market;

/**
 * One OHLCV candle of a market over {@code [openTimeMillis, openTimeMillis + intervalMillis)}, accumulated from
 * trades in ticks and lots. The one place that knows how a trade moves a candle, used by the in-memory klines and by
 * the persisted 1-minute candles alike. Not thread-safe.
 */
public final class Candle {
    private final int marketId;
    private final long openTimeMillis;
    private final long intervalMillis;
    private long openTicks;
    private long highTicks;
    private long lowTicks;
    private long closeTicks;
    private long volumeLots;
    private long quoteVolumeMinor;
    private long tradeCount;
    private long firstTradeId;
    private long lastTradeId;

    public Candle(int marketId, long openTimeMillis, long intervalMillis) {
        this.marketId = marketId;
        this.openTimeMillis = openTimeMillis;
        this.intervalMillis = intervalMillis;
    }

    /** @return the start of the interval of the given length that contains {@code timeMillis}. */
    public static long openTimeOf(long timeMillis, long intervalMillis) {
        return Math.floorDiv(timeMillis, intervalMillis) * intervalMillis;
    }

    /** Adds one trade; trades must arrive in trade-id order. */
    public void add(long tradeId, long priceTicks, long quantityLots, long quoteMinor) {
        if (tradeCount == 0) {
            openTicks = highTicks = lowTicks = priceTicks;
            firstTradeId = tradeId;
        } else {
            highTicks = Math.max(highTicks, priceTicks);
            lowTicks = Math.min(lowTicks, priceTicks);
        }
        closeTicks = priceTicks;
        volumeLots += quantityLots;
        quoteVolumeMinor += quoteMinor;
        tradeCount++;
        lastTradeId = tradeId;
    }

    /** Folds a finer candle of the same market into this one (e.g. 1-minute candles into an hour). */
    public void merge(Candle finer) {
        if (finer.tradeCount == 0) {
            return;
        }
        if (tradeCount == 0) {
            openTicks = finer.openTicks;
            highTicks = finer.highTicks;
            lowTicks = finer.lowTicks;
            firstTradeId = finer.firstTradeId;
        } else {
            highTicks = Math.max(highTicks, finer.highTicks);
            lowTicks = Math.min(lowTicks, finer.lowTicks);
        }
        closeTicks = finer.closeTicks;
        volumeLots += finer.volumeLots;
        quoteVolumeMinor += finer.quoteVolumeMinor;
        tradeCount += finer.tradeCount;
        lastTradeId = finer.lastTradeId;
    }

    /** Restores a candle read back from storage. */
    public static Candle of(int marketId, long openTimeMillis, long intervalMillis, long openTicks, long highTicks,
            long lowTicks, long closeTicks, long volumeLots, long quoteVolumeMinor, long tradeCount,
            long firstTradeId, long lastTradeId) {
        Candle c = new Candle(marketId, openTimeMillis, intervalMillis);
        c.openTicks = openTicks;
        c.highTicks = highTicks;
        c.lowTicks = lowTicks;
        c.closeTicks = closeTicks;
        c.volumeLots = volumeLots;
        c.quoteVolumeMinor = quoteVolumeMinor;
        c.tradeCount = tradeCount;
        c.firstTradeId = firstTradeId;
        c.lastTradeId = lastTradeId;
        return c;
    }

    public int marketId() {
        return marketId;
    }

    public long openTimeMillis() {
        return openTimeMillis;
    }

    public long closeTimeMillis() {
        return openTimeMillis + intervalMillis - 1;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public long openTicks() {
        return openTicks;
    }

    public long highTicks() {
        return highTicks;
    }

    public long lowTicks() {
        return lowTicks;
    }

    public long closeTicks() {
        return closeTicks;
    }

    public long volumeLots() {
        return volumeLots;
    }

    public long quoteVolumeMinor() {
        return quoteVolumeMinor;
    }

    public long tradeCount() {
        return tradeCount;
    }

    public long firstTradeId() {
        return firstTradeId;
    }

    public long lastTradeId() {
        return lastTradeId;
    }

    /** @return an independent copy, for handing to another thread. */
    public Candle copy() {
        return of(marketId, openTimeMillis, intervalMillis, openTicks, highTicks, lowTicks, closeTicks, volumeLots,
                quoteVolumeMinor, tradeCount, firstTradeId, lastTradeId);
    }

    /** Equal when every field is equal: same market, interval and values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Candle c && marketId == c.marketId && openTimeMillis == c.openTimeMillis
                && intervalMillis == c.intervalMillis && openTicks == c.openTicks && highTicks == c.highTicks
                && lowTicks == c.lowTicks && closeTicks == c.closeTicks && volumeLots == c.volumeLots
                && quoteVolumeMinor == c.quoteVolumeMinor && tradeCount == c.tradeCount
                && firstTradeId == c.firstTradeId && lastTradeId == c.lastTradeId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(openTimeMillis) * 31 + Long.hashCode(lastTradeId) + marketId;
    }

    @Override
    public String toString() {
        return "Candle[market " + marketId + ", " + openTimeMillis + "+" + intervalMillis + " ms, o " + openTicks
                + " h " + highTicks + " l " + lowTicks + " c " + closeTicks + ", v " + volumeLots + " q "
                + quoteVolumeMinor + ", " + tradeCount + " trades " + firstTradeId + ".." + lastTradeId + "]";
    }
}

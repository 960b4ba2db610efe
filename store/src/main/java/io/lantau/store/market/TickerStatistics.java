package io.lantau.store.market;

import io.lantau.core.config.MarketSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A market's rolling 24-hour statistics ({@code ticker/24hr}, {@code @ticker}, {@code @miniTicker}) with its best bid
 * and ask. The window is made of 1-minute buckets: the minute of {@code closeTimeMillis} and the 1,439 before it, so
 * it reaches back between 23 h 59 min and 24 h (see {@link TickerProjection}).
 *
 * <p>With no trade in the window, open, high, low and last are the last price ever traded (0 if none), the volumes
 * and the count are 0 and the trade ids are -1, as Binance shows them.
 *
 * @param openTimeMillis   start of the window (the oldest bucket's minute).
 * @param closeTimeMillis  the time the statistics are for: the last command's time, or a later time asked for.
 * @param lastTicks        the latest trade's price, in or before the window.
 * @param lastQuantityLots the latest trade's quantity (0 if unknown after a restart).
 * @param prevCloseTicks   the price of the latest trade before the window (0 if none).
 * @param quoteVolumeMinor sum of the trades' notionals in quote minor units.
 * @param book             best bid and ask when the statistics were made.
 */
public record TickerStatistics(int marketId, long openTimeMillis, long closeTimeMillis, long openTicks,
        long highTicks, long lowTicks, long lastTicks, long lastQuantityLots, long prevCloseTicks, long volumeLots,
        long quoteVolumeMinor, long firstTradeId, long lastTradeId, long tradeCount, BookTicker book) {

    /** @return last minus open, in ticks. */
    public long priceChangeTicks() {
        return lastTicks - openTicks;
    }

    /** @return the change as a percentage of the open price, 3 decimals as Binance shows it; 0 if open is 0. */
    public BigDecimal priceChangePercent() {
        if (openTicks == 0) {
            return BigDecimal.ZERO.setScale(3);
        }
        return BigDecimal.valueOf(priceChangeTicks()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(openTicks), 3, RoundingMode.HALF_EVEN);
    }

    /**
     * @return the volume-weighted average price in the market's decimal quote units (quote volume over volume),
     *     8 decimals more than the tick size; the last price if nothing traded in the window.
     */
    public BigDecimal weightedAveragePrice(MarketSpec spec) {
        return AveragePrice.decimal(spec, quoteVolumeMinor, volumeLots, lastTicks);
    }
}

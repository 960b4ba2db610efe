package io.lantau.store.market;

import io.lantau.core.config.MarketSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A market's volume-weighted average price over recent minutes ({@code /api/v3/avgPrice}), from 1-minute buckets: the
 * minute of the request's time and the {@code minutes - 1} before it (so between {@code minutes - 1} and
 * {@code minutes} of history).
 *
 * @param lastTicks       the latest trade's price, used when nothing traded in the window (0 if never).
 * @param closeTimeMillis the time of the latest trade (Binance's {@code closeTime}); 0 if none.
 */
public record AveragePrice(int marketId, int minutes, long volumeLots, long quoteVolumeMinor, long lastTicks,
        long closeTimeMillis) {

    /** @return the average price in the market's decimal quote units, 8 decimals more than the tick size. */
    public BigDecimal price(MarketSpec spec) {
        return decimal(spec, quoteVolumeMinor, volumeLots, lastTicks);
    }

    static BigDecimal decimal(MarketSpec spec, long quoteVolumeMinor, long volumeLots, long fallbackTicks) {
        int scale = spec.tickSize().scale() + 8;
        if (volumeLots == 0) {
            return spec.price(fallbackTicks).setScale(scale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        // notional = ticks * lots * tickValueMinor, so the average in ticks is quote / (lots * tickValueMinor).
        return BigDecimal.valueOf(quoteVolumeMinor).multiply(spec.tickSize())
                .divide(BigDecimal.valueOf(volumeLots).multiply(BigDecimal.valueOf(spec.tickValueMinor())), scale,
                        RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
    }
}

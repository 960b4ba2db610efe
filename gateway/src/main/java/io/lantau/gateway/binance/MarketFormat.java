package io.lantau.gateway.binance;

import io.lantau.core.config.MarketSpec;
import java.math.BigDecimal;

/**
 * One market's numbers as Binance strings, and Binance decimal strings as the market's units: prices with the tick's
 * decimals, quantities with the lot's, quote amounts with the quote asset's. The gateway's only conversion point.
 */
public final class MarketFormat {
    private final MarketSpec spec;
    private final long tickUnscaled;
    private final int priceScale;
    private final long lotUnscaled;
    private final int quantityScale;
    private final int quoteScale;
    private final int baseScale;

    public MarketFormat(MarketSpec spec) {
        this.spec = spec;
        BigDecimal tick = spec.tickSize().stripTrailingZeros();
        BigDecimal lot = spec.lotSize().stripTrailingZeros();
        this.priceScale = Math.max(0, tick.scale());
        this.tickUnscaled = tick.movePointRight(priceScale).longValueExact();
        this.quantityScale = Math.max(0, lot.scale());
        this.lotUnscaled = lot.movePointRight(quantityScale).longValueExact();
        this.quoteScale = spec.quote().scale();
        this.baseScale = spec.base().scale();
    }

    public MarketSpec spec() {
        return spec;
    }

    public String symbol() {
        return spec.compactSymbol();
    }

    public String price(long priceTicks) {
        return Decimals.format(priceTicks * tickUnscaled, priceScale);
    }

    public String quantity(long lots) {
        return Decimals.format(lots * lotUnscaled, quantityScale);
    }

    public String quote(long quoteMinor) {
        return Decimals.format(quoteMinor, quoteScale);
    }

    public String base(long baseMinor) {
        return Decimals.format(baseMinor, baseScale);
    }

    public int priceScale() {
        return priceScale;
    }

    public int quantityScale() {
        return quantityScale;
    }

    /**
     * @return the price in ticks.
     * @throws BinanceException {@code -1100} if it is not a plain decimal, {@code PRICE_FILTER} if it is zero, off the
     *                          tick grid or above the market's maximum.
     */
    public long priceTicks(String parameter, String text) {
        BigDecimal value = Decimals.parseNonNegative(text);
        if (value == null) {
            throw new BinanceException(BinanceError.illegalValue(parameter));
        }
        try {
            long ticks = spec.priceTicks(value);
            if (ticks <= 0 || ticks > spec.maxPriceTicks()) {
                throw new BinanceException(BinanceError.PRICE_FILTER);
            }
            return ticks;
        } catch (ArithmeticException e) {
            throw new BinanceException(BinanceError.PRICE_FILTER);
        }
    }

    /**
     * @return the quantity in lots.
     * @throws BinanceException {@code -1100} if not a plain decimal, {@code filter} if zero, off the lot grid or out of
     *                          the market's bounds.
     */
    public long quantityLots(String parameter, String text, BinanceError filter) {
        BigDecimal value = Decimals.parseNonNegative(text);
        if (value == null) {
            throw new BinanceException(BinanceError.illegalValue(parameter));
        }
        try {
            long lots = spec.quantityLots(value);
            if (lots < spec.minQuantityLots() || lots > spec.maxQuantityLots()) {
                throw new BinanceException(filter);
            }
            return lots;
        } catch (ArithmeticException e) {
            throw new BinanceException(filter);
        }
    }

    /**
     * @return a quote amount in the quote asset's minor units.
     * @throws BinanceException {@code -1100} if not a plain decimal, {@code -1111} if it has more decimals than the
     *                          asset, {@code NOTIONAL} if zero or too large.
     */
    public long quoteMinor(String parameter, String text) {
        BigDecimal value = Decimals.parseNonNegative(text);
        if (value == null) {
            throw new BinanceException(BinanceError.illegalValue(parameter));
        }
        if (value.stripTrailingZeros().scale() > quoteScale) {
            throw new BinanceException(BinanceError.tooMuchPrecision(parameter));
        }
        try {
            long minor = spec.quote().toMinor(value);
            if (minor <= 0) {
                throw new BinanceException(BinanceError.NOTIONAL);
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new BinanceException(BinanceError.NOTIONAL);
        }
    }
}

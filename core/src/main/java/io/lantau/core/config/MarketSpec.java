package io.lantau.core.config;

import io.lantau.core.MarketStatus;
import io.lantau.core.SelfTradePrevention;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A market's static rules: the one place that knows its tick and lot.
 *
 * <p>A price is a whole number of ticks of {@code tickSize} (quote per one whole base unit); a quantity is a whole
 * number of lots of {@code lotSize} (base). One lot at one tick is worth {@link #tickValueMinor()} quote minor units,
 * which must be a whole number: so every trade's notional, {@code priceTicks * quantityLots * tickValueMinor}, is exact
 * and no rounding happens between buyer and seller.
 *
 * @param marketId        dense index of the market, 0-based.
 * @param symbol          display symbol such as {@code BTC-HKD}.
 * @param base            the asset bought and sold.
 * @param quote           the asset prices are expressed in.
 * @param tickSize        price increment in quote per whole base unit.
 * @param lotSize         quantity increment in base.
 * @param minQuantityLots smallest order quantity.
 * @param maxQuantityLots largest order quantity.
 * @param maxPriceTicks   largest price accepted.
 * @param minNotionalMinor smallest order value in quote minor units (limit orders at their price).
 * @param defaultStp      self-trade prevention applied when an order asks for the market default.
 * @param initialStatus   status when the core starts; changed afterwards only by command.
 */
public record MarketSpec(
        int marketId,
        String symbol,
        Asset base,
        Asset quote,
        BigDecimal tickSize,
        BigDecimal lotSize,
        long minQuantityLots,
        long maxQuantityLots,
        long maxPriceTicks,
        long minNotionalMinor,
        SelfTradePrevention defaultStp,
        MarketStatus initialStatus) {

    public MarketSpec {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(defaultStp, "defaultStp");
        Objects.requireNonNull(initialStatus, "initialStatus");
        if (marketId < 0 || base.assetId() == quote.assetId()) {
            throw new IllegalArgumentException("bad market " + symbol);
        }
        if (defaultStp == SelfTradePrevention.MARKET_DEFAULT) {
            throw new IllegalArgumentException("a market's default STP must be a concrete mode: " + symbol);
        }
        if (minQuantityLots < 1 || maxQuantityLots < minQuantityLots || maxPriceTicks < 1 || minNotionalMinor < 0) {
            throw new IllegalArgumentException("bad limits for " + symbol);
        }
        lotSizeMinorOf(base, lotSize, symbol);
        tickValueMinorOf(quote, tickSize, lotSize, symbol);
        // The largest order must have a representable notional with room for its fee (at most 100 %) on top.
        try {
            Math.multiplyExact(Math.multiplyExact(maxPriceTicks, maxQuantityLots),
                    Math.multiplyExact(tickValueMinorOf(quote, tickSize, lotSize, symbol), 2L));
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("max price x max quantity overflows in " + symbol, e);
        }
        if (Long.MAX_VALUE / lotSizeMinorOf(base, lotSize, symbol) < maxQuantityLots) {
            throw new IllegalArgumentException("max quantity in base minor units overflows in " + symbol);
        }
    }

    /** @return base minor units in one lot. */
    public long lotSizeMinor() {
        return lotSizeMinorOf(base, lotSize, symbol);
    }

    /** @return quote minor units that one lot at one tick is worth. */
    public long tickValueMinor() {
        return tickValueMinorOf(quote, tickSize, lotSize, symbol);
    }

    /** @return the symbol as Binance spells it: base and quote codes run together ({@code BTCHKD}). */
    public String compactSymbol() {
        return base.code() + quote.code();
    }

    /**
     * @return the decimal price in ticks.
     * @throws ArithmeticException if it is not a whole number of ticks or does not fit a long.
     */
    public long priceTicks(BigDecimal price) {
        return price.divide(tickSize).toBigIntegerExact().longValueExact();
    }

    /**
     * @return the decimal quantity in lots.
     * @throws ArithmeticException if it is not a whole number of lots or does not fit a long.
     */
    public long quantityLots(BigDecimal quantity) {
        return quantity.divide(lotSize).toBigIntegerExact().longValueExact();
    }

    public BigDecimal price(long priceTicks) {
        return tickSize.multiply(BigDecimal.valueOf(priceTicks)).stripTrailingZeros();
    }

    public BigDecimal quantity(long quantityLots) {
        return lotSize.multiply(BigDecimal.valueOf(quantityLots)).stripTrailingZeros();
    }

    /** @return the notional in quote minor units; throws {@link ArithmeticException} on overflow. */
    public long notionalMinor(long priceTicks, long quantityLots) {
        return Math.multiplyExact(Math.multiplyExact(priceTicks, quantityLots), tickValueMinor());
    }

    private static long lotSizeMinorOf(Asset base, BigDecimal lotSize, String symbol) {
        try {
            long minor = lotSize.movePointRight(base.scale()).longValueExact();
            if (minor < 1) {
                throw new ArithmeticException();
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("lot size " + lotSize + " is not a whole number of "
                    + base.code() + " minor units in " + symbol, e);
        }
    }

    private static long tickValueMinorOf(Asset quote, BigDecimal tickSize, BigDecimal lotSize, String symbol) {
        try {
            long minor = tickSize.multiply(lotSize).movePointRight(quote.scale()).longValueExact();
            if (minor < 1) {
                throw new ArithmeticException();
            }
            return minor;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("tick " + tickSize + " x lot " + lotSize + " is not a whole number of "
                    + quote.code() + " minor units in " + symbol, e);
        }
    }
}

package io.lantau.bench.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The prices and quantities orders use, as the decimal strings a client sends, precomputed: prices within
 * {@link #RANGE_TICKS} ticks of the mid, quantities of 1 to {@link #MAX_LOTS} lots. Built from the market's
 * {@code exchangeInfo} filters. Immutable.
 */
final class MarketGrid {
    static final int RANGE_TICKS = 200;
    static final int MAX_LOTS = 10;

    private final String[] prices = new String[2 * RANGE_TICKS + 1];
    private final String[] quantities = new String[MAX_LOTS + 1];

    /**
     * @param symbolInfo the symbol's object from {@code GET /api/v3/exchangeInfo}.
     * @param midPrice   the mid price in the quote asset; rounded to the tick.
     */
    MarketGrid(JsonObject symbolInfo, String midPrice) {
        BigDecimal tick = null;
        BigDecimal step = null;
        JsonArray filters = symbolInfo.getJsonArray("filters");
        for (int i = 0; i < filters.size(); i++) {
            JsonObject f = filters.getJsonObject(i);
            switch (f.getString("filterType")) {
                case "PRICE_FILTER" -> tick = new BigDecimal(f.getString("tickSize")).stripTrailingZeros();
                case "LOT_SIZE" -> step = new BigDecimal(f.getString("stepSize")).stripTrailingZeros();
                default -> {
                }
            }
        }
        if (tick == null || step == null) {
            throw new IllegalStateException("exchangeInfo of " + symbolInfo.getString("symbol")
                    + " has no PRICE_FILTER or LOT_SIZE");
        }
        long midTicks = new BigDecimal(midPrice).divide(tick, 0, RoundingMode.HALF_UP).longValueExact();
        if (midTicks <= RANGE_TICKS) {
            throw new IllegalArgumentException("mid price " + midPrice + " is too close to zero for ±" + RANGE_TICKS
                    + " ticks of " + tick.toPlainString());
        }
        for (int i = 0; i < prices.length; i++) {
            prices[i] = tick.multiply(BigDecimal.valueOf(midTicks - RANGE_TICKS + i)).stripTrailingZeros()
                    .toPlainString();
        }
        for (int lots = 1; lots <= MAX_LOTS; lots++) {
            quantities[lots] = step.multiply(BigDecimal.valueOf(lots)).stripTrailingZeros().toPlainString();
        }
    }

    /** @return the price {@code offsetTicks} from the mid, {@code |offset| <= RANGE_TICKS}. */
    String price(int offsetTicks) {
        return prices[RANGE_TICKS + offsetTicks];
    }

    /** @return the quantity of {@code lots} lots, 1 to {@code MAX_LOTS}. */
    String quantity(int lots) {
        return quantities[lots];
    }
}

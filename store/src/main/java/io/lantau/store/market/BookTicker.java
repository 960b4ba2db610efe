package io.lantau.store.market;

/**
 * Best bid and best ask of one market, for {@code ticker/bookTicker} and the {@code @bookTicker} stream. An empty side
 * has price and quantity 0.
 *
 * @param updateId the depth update id ({@link DepthSnapshot#lastUpdateId()}) this was taken at (Binance's {@code u}).
 */
public record BookTicker(int marketId, long updateId, long bidPriceTicks, long bidQuantityLots, long askPriceTicks,
        long askQuantityLots) {

    /** @return the ticker of an empty book. */
    public static BookTicker empty(int marketId) {
        return new BookTicker(marketId, 0, 0, 0, 0, 0);
    }

    /** @return whether both tickers show the same prices and quantities, whatever their update ids. */
    boolean samePrices(BookTicker other) {
        return bidPriceTicks == other.bidPriceTicks && bidQuantityLots == other.bidQuantityLots
                && askPriceTicks == other.askPriceTicks && askQuantityLots == other.askQuantityLots;
    }
}

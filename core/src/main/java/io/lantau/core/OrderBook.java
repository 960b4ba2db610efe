package io.lantau.core;

/**
 * One market's resting orders in price-time priority. A store, not a matcher: {@link Matcher} decides what trades and
 * tells the book what to add, shrink and remove. Two implementations follow this contract and must behave
 * identically: {@link FastOrderBook} for production and {@link ReferenceOrderBook} for tests.
 *
 * <p>"Best" means highest bid or lowest ask. Quantities are remaining lots ({@code Order.remainingLots()}).
 */
interface OrderBook {
    /** No price: returned by {@link #bestPrice} for an empty side. */
    long NO_PRICE = 0;

    /** Adds the order at the back of the queue at its price. */
    void add(Order order);

    /** Removes a resting order from wherever it is. */
    void remove(Order order);

    /** Records that a resting order's remaining quantity fell by {@code lots} (a fill or a reduction). */
    void decreaseQuantity(Order order, long lots);

    /** @return the first order at the best price of {@code side}, or {@code null} if that side is empty. */
    Order best(Side side);

    /** @return the order after {@code order} in price-time order on its side, or {@code null}. */
    Order next(Order order);

    /** @return the best price of {@code side}, or {@link #NO_PRICE}. */
    long bestPrice(Side side);

    /**
     * Copies up to {@code maxLevels} aggregated levels of {@code side}, best first.
     *
     * @return the number of levels copied.
     */
    int levels(Side side, int maxLevels, long[] pricesOut, long[] quantitiesOut);

    /** @return the number of resting orders on both sides. */
    int orderCount();
}

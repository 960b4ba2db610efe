package io.lantau.store.market;

import java.util.Arrays;

/**
 * Aggregated levels of one side of a book: price ticks to total remaining lots. Sorted so that the best level is
 * last, where most changes happen, so inserting or removing near the top shifts few entries. Written by the
 * projection thread only; {@link #top} and the best-level reads tolerate torn state for optimistic readers.
 */
final class PriceLadder {
    private final boolean bids;
    /** Ascending; the price for bids, minus the price for asks, so that the best level is always last. */
    private long[] keys = new long[64];
    private long[] quantities = new long[64];
    private int size;

    PriceLadder(boolean bids) {
        this.bids = bids;
    }

    /**
     * Adds {@code deltaLots} (negative to remove) to the level at {@code priceTicks}.
     *
     * @return the level's new quantity; 0 means it is gone.
     * @throws IllegalStateException if the quantity would fall below 0: events and book disagree.
     */
    long add(long priceTicks, long deltaLots) {
        long key = bids ? priceTicks : -priceTicks;
        int i = Arrays.binarySearch(keys, 0, size, key);
        if (i >= 0) {
            long quantity = quantities[i] + deltaLots;
            if (quantity < 0) {
                throw new IllegalStateException("level " + priceTicks + " would fall to " + quantity + " lots");
            }
            if (quantity == 0) {
                System.arraycopy(keys, i + 1, keys, i, size - i - 1);
                System.arraycopy(quantities, i + 1, quantities, i, size - i - 1);
                size--;
            } else {
                quantities[i] = quantity;
            }
            return quantity;
        }
        if (deltaLots < 0) {
            throw new IllegalStateException("no level at " + priceTicks + " to take " + -deltaLots + " lots from");
        }
        if (deltaLots == 0) {
            return 0;
        }
        int at = -i - 1;
        long[] newKeys = keys;
        long[] newQuantities = quantities;
        if (size == keys.length) {
            // Grow into new arrays, so that an optimistic reader still holding the old ones reads sane values.
            newKeys = Arrays.copyOf(keys, size * 2);
            newQuantities = Arrays.copyOf(quantities, size * 2);
        }
        System.arraycopy(keys, at, newKeys, at + 1, size - at);
        System.arraycopy(quantities, at, newQuantities, at + 1, size - at);
        newKeys[at] = key;
        newQuantities[at] = deltaLots;
        keys = newKeys;
        quantities = newQuantities;
        size++;
        return deltaLots;
    }

    /** @return the quantity at the price, 0 if there is no level. */
    long quantityAt(long priceTicks) {
        int i = Arrays.binarySearch(keys, 0, size, bids ? priceTicks : -priceTicks);
        return i >= 0 ? quantities[i] : 0;
    }

    boolean isBids() {
        return bids;
    }

    int size() {
        return size;
    }

    /** @return the best price, 0 if the side is empty. */
    long bestPriceTicks() {
        int n = size;
        return n == 0 ? 0 : priceOf(keys[n - 1]);
    }

    /** @return the quantity at the best price, 0 if the side is empty. */
    long bestQuantityLots() {
        int n = size;
        return n == 0 ? 0 : quantities[n - 1];
    }

    /** @return up to {@code limit} levels, best first. */
    BookLevels top(int limit) {
        long[] k = keys;
        long[] q = quantities;
        int n = Math.min(Math.min(size, k.length), q.length);
        int count = Math.max(0, Math.min(limit, n));
        if (count == 0) {
            return BookLevels.EMPTY;
        }
        long[] prices = new long[count];
        long[] lots = new long[count];
        for (int i = 0; i < count; i++) {
            prices[i] = priceOf(k[n - 1 - i]);
            lots[i] = q[n - 1 - i];
        }
        return new BookLevels(prices, lots);
    }

    private long priceOf(long key) {
        return bids ? key : -key;
    }
}

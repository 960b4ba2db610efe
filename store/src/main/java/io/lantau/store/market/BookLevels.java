package io.lantau.store.market;

import java.util.Arrays;

/**
 * Price levels of one side of a book, best first (highest bid, lowest ask): price in ticks and total quantity in lots,
 * where a quantity of 0 (only in a {@link DepthUpdate}) means the level is gone. Immutable.
 */
public final class BookLevels {
    /** No levels. */
    public static final BookLevels EMPTY = new BookLevels(new long[0], new long[0]);

    private final long[] pricesTicks;
    private final long[] quantitiesLots;

    /** Takes ownership of the arrays, which must have the same length and must not be changed afterwards. */
    BookLevels(long[] pricesTicks, long[] quantitiesLots) {
        if (pricesTicks.length != quantitiesLots.length) {
            throw new IllegalArgumentException("prices and quantities differ in length");
        }
        this.pricesTicks = pricesTicks;
        this.quantitiesLots = quantitiesLots;
    }

    /** @return levels copied from the arrays' first {@code size} entries, which the caller lists best first. */
    public static BookLevels of(long[] pricesTicks, long[] quantitiesLots, int size) {
        return size == 0 ? EMPTY
                : new BookLevels(Arrays.copyOf(pricesTicks, size), Arrays.copyOf(quantitiesLots, size));
    }

    public int size() {
        return pricesTicks.length;
    }

    public boolean isEmpty() {
        return pricesTicks.length == 0;
    }

    /** @param index 0 for the best level. */
    public long priceTicks(int index) {
        return pricesTicks[index];
    }

    /** @param index 0 for the best level. */
    public long quantityLots(int index) {
        return quantitiesLots[index];
    }

    /**
     * Overlays newer levels on these: the union of both price sets, the newer quantity where both have a price. Both
     * lists and the result are best first.
     *
     * @param bids whether these are bid levels (best = highest) or ask levels (best = lowest).
     */
    BookLevels overlay(BookLevels newer, boolean bids) {
        if (newer.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return newer;
        }
        long[] prices = new long[size() + newer.size()];
        long[] quantities = new long[prices.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < size() || j < newer.size()) {
            int order;
            if (i == size()) {
                order = 1;
            } else if (j == newer.size()) {
                order = -1;
            } else {
                // Negative when this list's level comes first (is better).
                order = bids ? Long.compare(newer.pricesTicks[j], pricesTicks[i])
                        : Long.compare(pricesTicks[i], newer.pricesTicks[j]);
            }
            if (order < 0) {
                prices[n] = pricesTicks[i];
                quantities[n++] = quantitiesLots[i++];
            } else {
                if (order == 0) {
                    i++;
                }
                prices[n] = newer.pricesTicks[j];
                quantities[n++] = newer.quantitiesLots[j++];
            }
        }
        return new BookLevels(Arrays.copyOf(prices, n), Arrays.copyOf(quantities, n));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BookLevels other && Arrays.equals(pricesTicks, other.pricesTicks)
                && Arrays.equals(quantitiesLots, other.quantitiesLots);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(pricesTicks) + Arrays.hashCode(quantitiesLots);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < pricesTicks.length; i++) {
            s.append(i == 0 ? "" : ", ").append(pricesTicks[i]).append('x').append(quantitiesLots[i]);
        }
        return s.append(']').toString();
    }
}

package io.lantau.store.market;

import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;

/**
 * The net change per price of one side of a book during one command, so that the book is touched once per level
 * at the end of the command and the diff lists each level once. A linear scan for the usual handful of levels; an
 * index once a command touches many (a mass cancel).
 */
final class LevelChanges {
    private static final int LINEAR_LIMIT = 16;

    private long[] prices = new long[LINEAR_LIMIT];
    private long[] deltas = new long[LINEAR_LIMIT];
    private int count;
    private Long2LongHashMap index;

    void add(long priceTicks, long deltaLots) {
        int i = find(priceTicks);
        if (i >= 0) {
            deltas[i] += deltaLots;
            return;
        }
        if (count == prices.length) {
            prices = Arrays.copyOf(prices, count * 2);
            deltas = Arrays.copyOf(deltas, count * 2);
        }
        prices[count] = priceTicks;
        deltas[count] = deltaLots;
        count++;
        if (count > LINEAR_LIMIT) {
            if (index == null) {
                index = new Long2LongHashMap(-1);
            }
            if (count == LINEAR_LIMIT + 1) {
                for (int j = 0; j < count; j++) {
                    index.put(prices[j], j);
                }
            } else {
                index.put(priceTicks, count - 1);
            }
        }
    }

    private int find(long priceTicks) {
        if (count > LINEAR_LIMIT) {
            return (int) index.get(priceTicks);
        }
        for (int i = 0; i < count; i++) {
            if (prices[i] == priceTicks) {
                return i;
            }
        }
        return -1;
    }

    int count() {
        return count;
    }

    long priceTicks(int i) {
        return prices[i];
    }

    long deltaLots(int i) {
        return deltas[i];
    }

    void clear() {
        if (count > LINEAR_LIMIT) {
            index.clear();
        }
        count = 0;
    }
}

package io.lantau.core;

import java.util.Arrays;

/**
 * The production book. Each side is a {@link Ladder}: price levels in a sorted array with the best level last, so
 * that taking or emptying the best level touches only the end of the array, and new levels, which arrive near the
 * best price, shift few entries. Each level is an intrusive FIFO of orders, so adding, removing and shrinking an order
 * is O(1) once its level is found. Levels are pooled: steady state allocates nothing.
 */
final class FastOrderBook implements OrderBook {
    private final Ladder bids = new Ladder(true);
    private final Ladder asks = new Ladder(false);
    private int orderCount;

    private Ladder ladder(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    @Override
    public void add(Order order) {
        Level level = ladder(order.side).levelFor(order.priceTicks);
        order.level = level;
        order.nextInLevel = null;
        order.prevInLevel = level.tail;
        if (level.tail == null) {
            level.head = order;
        } else {
            level.tail.nextInLevel = order;
        }
        level.tail = order;
        level.totalLots += order.remainingLots();
        orderCount++;
    }

    @Override
    public void remove(Order order) {
        Level level = (Level) order.level;
        if (order.prevInLevel == null) {
            level.head = order.nextInLevel;
        } else {
            order.prevInLevel.nextInLevel = order.nextInLevel;
        }
        if (order.nextInLevel == null) {
            level.tail = order.prevInLevel;
        } else {
            order.nextInLevel.prevInLevel = order.prevInLevel;
        }
        order.prevInLevel = order.nextInLevel = null;
        order.level = null;
        level.totalLots -= order.remainingLots();
        orderCount--;
        if (level.head == null) {
            ladder(order.side).removeLevel(level);
        }
    }

    @Override
    public void decreaseQuantity(Order order, long lots) {
        ((Level) order.level).totalLots -= lots;
    }

    @Override
    public Order best(Side side) {
        Ladder ladder = ladder(side);
        return ladder.count == 0 ? null : ladder.levels[ladder.count - 1].head;
    }

    @Override
    public Order next(Order order) {
        if (order.nextInLevel != null) {
            return order.nextInLevel;
        }
        Ladder ladder = ladder(order.side);
        int index = ladder.indexOf(((Level) order.level).priceTicks);
        return index == 0 ? null : ladder.levels[index - 1].head;
    }

    @Override
    public long bestPrice(Side side) {
        Ladder ladder = ladder(side);
        return ladder.count == 0 ? NO_PRICE : ladder.levels[ladder.count - 1].priceTicks;
    }

    @Override
    public int levels(Side side, int maxLevels, long[] pricesOut, long[] quantitiesOut) {
        Ladder ladder = ladder(side);
        int n = Math.min(maxLevels, ladder.count);
        for (int i = 0; i < n; i++) {
            Level level = ladder.levels[ladder.count - 1 - i];
            pricesOut[i] = level.priceTicks;
            quantitiesOut[i] = level.totalLots;
        }
        return n;
    }

    @Override
    public int orderCount() {
        return orderCount;
    }

    /** One price with its queue of orders and their total remaining quantity. */
    static final class Level {
        long priceTicks;
        long totalLots;
        Order head;
        Order tail;
    }

    /**
     * One side's levels, sorted by key ascending with the best last. The key is the price for bids and the negated
     * price for asks, so that "better" is always "larger".
     */
    static final class Ladder {
        private final boolean bid;
        private long[] keys = new long[64];
        Level[] levels = new Level[64];
        int count;
        private Level[] spare = new Level[64];
        private int spareCount;

        Ladder(boolean bid) {
            this.bid = bid;
        }

        private long key(long priceTicks) {
            return bid ? priceTicks : -priceTicks;
        }

        /** @return the index of the level at {@code priceTicks}; the level must exist. */
        int indexOf(long priceTicks) {
            int index = search(key(priceTicks));
            if (index < 0) {
                throw new IllegalStateException("no level at " + priceTicks);
            }
            return index;
        }

        /** Binary search over keys; most lookups are near the best end, so check the last entry first. */
        private int search(long key) {
            int high = count - 1;
            if (high >= 0 && keys[high] == key) {
                return high;
            }
            int low = 0;
            while (low <= high) {
                int mid = (low + high) >>> 1;
                long midKey = keys[mid];
                if (midKey < key) {
                    low = mid + 1;
                } else if (midKey > key) {
                    high = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(low + 1);
        }

        Level levelFor(long priceTicks) {
            long key = key(priceTicks);
            int index = search(key);
            if (index >= 0) {
                return levels[index];
            }
            int insertAt = -(index + 1);
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                levels = Arrays.copyOf(levels, count * 2);
            }
            int tail = count - insertAt;
            if (tail > 0) {
                System.arraycopy(keys, insertAt, keys, insertAt + 1, tail);
                System.arraycopy(levels, insertAt, levels, insertAt + 1, tail);
            }
            Level level = spareCount == 0 ? new Level() : spare[--spareCount];
            level.priceTicks = priceTicks;
            level.totalLots = 0;
            keys[insertAt] = key;
            levels[insertAt] = level;
            count++;
            return level;
        }

        void removeLevel(Level level) {
            int index = count - 1;
            if (levels[index] != level) {
                index = indexOf(level.priceTicks);
            }
            int tail = count - index - 1;
            if (tail > 0) {
                System.arraycopy(keys, index + 1, keys, index, tail);
                System.arraycopy(levels, index + 1, levels, index, tail);
            }
            count--;
            levels[count] = null;
            level.head = level.tail = null;
            if (spareCount == spare.length) {
                spare = Arrays.copyOf(spare, spareCount * 2);
            }
            spare[spareCount++] = level;
        }
    }
}

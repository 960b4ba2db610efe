package io.lantau.core;

import java.util.Arrays;

/**
 * The production book. Each side is a {@link Ladder}: price levels in a sorted array with the best level last, so
 * that taking or emptying the best level touches only the end of the array. A level that empties away from the best
 * end stays in the array, empty, so that the next order at that price (orders churn around the same prices) finds it
 * without shifting the array; empty levels are compacted away when they outnumber the live ones. Each level is an
 * intrusive FIFO of orders, so adding, removing and shrinking an order is O(1) once its level is found. Levels are
 * pooled: steady state allocates nothing.
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
        for (int i = ladder.indexOf(((Level) order.level).priceTicks) - 1; i >= 0; i--) {
            if (ladder.levels[i].head != null) {
                return ladder.levels[i].head;
            }
        }
        return null;
    }

    @Override
    public long bestPrice(Side side) {
        Ladder ladder = ladder(side);
        return ladder.count == 0 ? NO_PRICE : ladder.levels[ladder.count - 1].priceTicks;
    }

    @Override
    public int levels(Side side, int maxLevels, long[] pricesOut, long[] quantitiesOut) {
        Ladder ladder = ladder(side);
        int n = 0;
        for (int i = ladder.count - 1; i >= 0 && n < maxLevels; i--) {
            Level level = ladder.levels[i];
            if (level.head != null) {
                pricesOut[n] = level.priceTicks;
                quantitiesOut[n] = level.totalLots;
                n++;
            }
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
     * price for asks, so that "better" is always "larger". The last level is never empty; others may be.
     */
    static final class Ladder {
        private final boolean bid;
        private long[] keys = new long[64];
        Level[] levels = new Level[64];
        int count;
        private Level[] spare = new Level[64];
        private int spareCount;
        private int emptyCount;

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
                Level level = levels[index];
                if (level.head == null) {
                    emptyCount--;
                }
                return level;
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

        /** The level's last order left: drop it at the best end, else keep it empty for reuse. */
        void removeLevel(Level level) {
            if (levels[count - 1] != level) {
                if (++emptyCount > 64 && emptyCount > count / 2) {
                    compact();
                }
                return;
            }
            recycle(levels[--count]);
            levels[count] = null;
            while (count > 0 && levels[count - 1].head == null) {
                emptyCount--;
                recycle(levels[--count]);
                levels[count] = null;
            }
        }

        private void compact() {
            int kept = 0;
            for (int i = 0; i < count; i++) {
                Level level = levels[i];
                if (level.head == null) {
                    recycle(level);
                } else {
                    keys[kept] = keys[i];
                    levels[kept++] = level;
                }
            }
            Arrays.fill(levels, kept, count, null);
            count = kept;
            emptyCount = 0;
        }

        private void recycle(Level level) {
            level.head = level.tail = null;
            level.totalLots = 0;
            if (spareCount == spare.length) {
                spare = Arrays.copyOf(spare, spareCount * 2);
            }
            spare[spareCount++] = level;
        }
    }
}

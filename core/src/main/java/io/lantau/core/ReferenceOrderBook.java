package io.lantau.core;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The obviously correct book: a sorted map from price to a FIFO queue. Slow (it allocates and walks), kept as the
 * reference that {@link FastOrderBook} is tested against.
 */
final class ReferenceOrderBook implements OrderBook {
    private final NavigableMap<Long, ArrayDeque<Order>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final NavigableMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
    private int orderCount;

    private NavigableMap<Long, ArrayDeque<Order>> side(Side side) {
        return side == Side.BUY ? bids : asks;
    }

    @Override
    public void add(Order order) {
        side(order.side).computeIfAbsent(order.priceTicks, p -> new ArrayDeque<>()).addLast(order);
        orderCount++;
    }

    @Override
    public void remove(Order order) {
        NavigableMap<Long, ArrayDeque<Order>> levels = side(order.side);
        ArrayDeque<Order> queue = levels.get(order.priceTicks);
        if (queue == null || !queue.remove(order)) {
            throw new IllegalStateException("not in book: " + order);
        }
        if (queue.isEmpty()) {
            levels.remove(order.priceTicks);
        }
        orderCount--;
    }

    @Override
    public void decreaseQuantity(Order order, long lots) {
        // Quantities are read from the orders themselves; nothing is cached here.
    }

    @Override
    public Order best(Side side) {
        Map.Entry<Long, ArrayDeque<Order>> first = side(side).firstEntry();
        return first == null ? null : first.getValue().peekFirst();
    }

    @Override
    public Order next(Order order) {
        NavigableMap<Long, ArrayDeque<Order>> levels = side(order.side);
        Iterator<Order> it = levels.get(order.priceTicks).iterator();
        while (it.hasNext()) {
            if (it.next() == order) {
                if (it.hasNext()) {
                    return it.next();
                }
                Map.Entry<Long, ArrayDeque<Order>> worse = levels.higherEntry(order.priceTicks);
                return worse == null ? null : worse.getValue().peekFirst();
            }
        }
        throw new IllegalStateException("not in book: " + order);
    }

    @Override
    public long bestPrice(Side side) {
        Map.Entry<Long, ArrayDeque<Order>> first = side(side).firstEntry();
        return first == null ? NO_PRICE : first.getKey();
    }

    @Override
    public int levels(Side side, int maxLevels, long[] pricesOut, long[] quantitiesOut) {
        int n = 0;
        for (Map.Entry<Long, ArrayDeque<Order>> level : side(side).entrySet()) {
            if (n == maxLevels) {
                break;
            }
            long quantity = 0;
            for (Order order : level.getValue()) {
                quantity += order.remainingLots();
            }
            pricesOut[n] = level.getKey();
            quantitiesOut[n] = quantity;
            n++;
        }
        return n;
    }

    @Override
    public int orderCount() {
        return orderCount;
    }
}

package io.lantau.core;

/**
 * Reuses ended orders so that steady-state order flow allocates nothing. Listeners see an order only during their
 * callback; after the order ends the core returns it here and it may come back as another order.
 */
final class OrderPool {
    private Order[] free = new Order[1024];
    private int count;

    Order acquire() {
        if (count == 0) {
            return new Order();
        }
        Order order = free[--count];
        free[count] = null;
        return order;
    }

    void release(Order order) {
        order.clear();
        if (count == free.length) {
            if (count >= 1 << 20) {
                return; // enough spares; let the collector have it
            }
            free = java.util.Arrays.copyOf(free, count * 2);
        }
        free[count++] = order;
    }
}

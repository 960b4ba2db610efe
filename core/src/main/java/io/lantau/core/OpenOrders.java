package io.lantau.core;

import org.agrona.collections.Object2ObjectHashMap;

/**
 * Every open order by id, and each account's open orders in id order and by client order id. An order is here from
 * acceptance until it ends, whether or not it rests in a book.
 *
 * <p>The id index is a hash table chained through the orders themselves ({@code Order.nextInBucket}), indexed by
 * {@code orderId & mask}: ids are handed out 1, 2, 3 …, so consecutive orders fall into distinct buckets and a
 * lookup is one array read and one comparison, with nothing allocated and no boxing.
 */
final class OpenOrders {
    private static final int INITIAL_CAPACITY = 1 << 12;

    private Order[] buckets = new Order[INITIAL_CAPACITY];
    private int mask = INITIAL_CAPACITY - 1;
    private int size;

    Order get(long orderId) {
        for (Order o = buckets[(int) orderId & mask]; o != null; o = o.nextInBucket) {
            if (o.orderId == orderId) {
                return o;
            }
        }
        return null;
    }

    Order byClientId(Account account, String clientOrderId) {
        return account.ordersByClientId == null ? null : account.ordersByClientId.get(clientOrderId);
    }

    int size() {
        return size;
    }

    void add(Order order) {
        if (size >= buckets.length >> 1) {
            grow();
        }
        int index = (int) order.orderId & mask;
        order.nextInBucket = buckets[index];
        buckets[index] = order;
        size++;

        Account account = order.account;
        order.nextOfAccount = null;
        order.prevOfAccount = account.lastOrder;
        if (account.lastOrder == null) {
            account.firstOrder = order;
        } else {
            account.lastOrder.nextOfAccount = order;
        }
        account.lastOrder = order;
        account.openOrderCount++;
        if (order.clientOrderId != null) {
            if (account.ordersByClientId == null) {
                account.ordersByClientId = new Object2ObjectHashMap<>();
            }
            account.ordersByClientId.put(order.clientOrderId, order);
        }
    }

    void remove(Order order) {
        int index = (int) order.orderId & mask;
        Order o = buckets[index];
        if (o == order) {
            buckets[index] = order.nextInBucket;
        } else {
            while (o.nextInBucket != order) {
                o = o.nextInBucket;
            }
            o.nextInBucket = order.nextInBucket;
        }
        order.nextInBucket = null;
        size--;

        Account account = order.account;
        if (order.prevOfAccount == null) {
            account.firstOrder = order.nextOfAccount;
        } else {
            order.prevOfAccount.nextOfAccount = order.nextOfAccount;
        }
        if (order.nextOfAccount == null) {
            account.lastOrder = order.prevOfAccount;
        } else {
            order.nextOfAccount.prevOfAccount = order.prevOfAccount;
        }
        order.prevOfAccount = order.nextOfAccount = null;
        account.openOrderCount--;
        if (order.clientOrderId != null) {
            account.ordersByClientId.remove(order.clientOrderId);
        }
    }

    private void grow() {
        Order[] old = buckets;
        buckets = new Order[old.length << 1];
        mask = buckets.length - 1;
        for (Order head : old) {
            Order o = head;
            while (o != null) {
                Order next = o.nextInBucket;
                int index = (int) o.orderId & mask;
                o.nextInBucket = buckets[index];
                buckets[index] = o;
                o = next;
            }
        }
    }
}

package io.lantau.core;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2ObjectHashMap;

/**
 * Every open order by id, and each account's open orders in id order and by client order id. An order is here from
 * acceptance until it ends, whether or not it rests in a book.
 */
final class OpenOrders {
    private final Long2ObjectHashMap<Order> byId = new Long2ObjectHashMap<>();

    Order get(long orderId) {
        return byId.get(orderId);
    }

    Order byClientId(Account account, String clientOrderId) {
        return account.ordersByClientId == null ? null : account.ordersByClientId.get(clientOrderId);
    }

    int size() {
        return byId.size();
    }

    Long2ObjectHashMap<Order> all() {
        return byId;
    }

    void add(Order order) {
        byId.put(order.orderId, order);
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
        byId.remove(order.orderId);
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
}

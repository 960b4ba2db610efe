package io.lantau.store.history;

import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the projection has applied since its last commit: each touched order in its latest state (several events of
 * one order in a batch make one row write), the new trades, the touched 1-minute candles. Not thread-safe.
 */
final class HistoryBatch {
    final Map<Long, OrderSnapshot> orders = new LinkedHashMap<>();
    final Set<Long> newOrderIds = new HashSet<>();
    final List<TradeExecuted> trades = new ArrayList<>();
    final Map<Long, MinuteCandle> candles = new LinkedHashMap<>();
    int commands;
    long lastSequence;

    void accepted(OrderSnapshot order) {
        orders.put(order.orderId(), order);
        newOrderIds.add(order.orderId());
    }

    void changed(OrderSnapshot order) {
        orders.put(order.orderId(), order);
    }

    boolean isEmpty() {
        return commands == 0;
    }

    void clear() {
        orders.clear();
        newOrderIds.clear();
        trades.clear();
        candles.clear();
        commands = 0;
    }
}

package io.lantau.gateway.binance;

import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAccepted;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.dispatch.CommandRecord;
import java.util.ArrayList;
import java.util.List;

/** Reads what a command did to orders from its events. */
public final class Outcomes {
    private Outcomes() {
    }

    /** @return the id of the order the command created, or 0. */
    public static long acceptedOrderId(CommandRecord record) {
        OrderAccepted accepted = record.first(OrderAccepted.class);
        return accepted == null ? 0 : accepted.order().orderId();
    }

    /** @return the order's state after the command: its last appearance among the events, or {@code null}. */
    public static OrderSnapshot finalState(CommandRecord record, long orderId) {
        OrderSnapshot last = null;
        for (CoreEvent e : record.events()) {
            OrderSnapshot o = switch (e) {
                case OrderAccepted a -> a.order();
                case OrderRested r -> r.order();
                case OrderAmended a -> a.order();
                case OrderCanceled c -> c.order();
                case OrderExpired x -> x.order();
                case TradeExecuted t -> t.taker().orderId() == orderId ? t.taker() : t.maker();
                default -> null;
            };
            if (o != null && o.orderId() == orderId) {
                last = o;
            }
        }
        return last;
    }

    /** @return the orders the command canceled, in event order. */
    public static List<OrderSnapshot> canceled(CommandRecord record) {
        List<OrderSnapshot> orders = new ArrayList<>();
        for (CoreEvent e : record.events()) {
            if (e instanceof OrderCanceled c) {
                orders.add(c.order());
            }
        }
        return orders;
    }
}

package io.lantau.store.market;

import io.lantau.core.CancelReason;
import io.lantau.core.ExpiryReason;
import io.lantau.core.OrderStatus;
import io.lantau.core.OrderType;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;
import io.lantau.core.event.CoreEvent;
import io.lantau.core.event.OrderAmended;
import io.lantau.core.event.OrderCanceled;
import io.lantau.core.event.OrderExpired;
import io.lantau.core.event.OrderRested;
import io.lantau.core.event.OrderSnapshot;
import io.lantau.core.event.TradeExecuted;
import io.lantau.store.Projection;
import java.util.List;

/** Hand-built events for unit tests; a tick is worth one quote minor unit per lot, so notional = price x lots. */
final class Events {
    static final long ACCOUNT = 11;

    private Events() {
    }

    /** An open limit order with {@code filledLots} of {@code quantityLots} filled. */
    static OrderSnapshot order(long orderId, int marketId, Side side, long priceTicks, long quantityLots,
            long filledLots) {
        return new OrderSnapshot(orderId, ACCOUNT, marketId, null, side, OrderType.LIMIT, TimeInForce.GTC,
                SelfTradePrevention.NONE, priceTicks, quantityLots, 0, filledLots, 0, 0, 0,
                filledLots == 0 ? OrderStatus.NEW : OrderStatus.PARTIALLY_FILLED, 0, 0);
    }

    static OrderSnapshot order(long orderId, int marketId, Side side, long priceTicks, long quantityLots) {
        return order(orderId, marketId, side, priceTicks, quantityLots, 0);
    }

    static OrderRested rested(OrderSnapshot order) {
        return new OrderRested(0, 0, order);
    }

    /** A fill of {@code lots} at the maker's price; both snapshots as given (the maker's after the fill). */
    static TradeExecuted trade(long tradeId, OrderSnapshot taker, OrderSnapshot maker, long lots) {
        return new TradeExecuted(0, 0, tradeId, taker, maker, maker.priceTicks(), lots, maker.priceTicks() * lots, 0,
                0);
    }

    static OrderCanceled canceled(OrderSnapshot order) {
        return new OrderCanceled(0, 0, order, CancelReason.USER);
    }

    static OrderExpired expired(OrderSnapshot order, ExpiryReason reason) {
        return new OrderExpired(0, 0, order, reason);
    }

    static OrderAmended amended(OrderSnapshot order, long oldPriceTicks, long oldQuantityLots, boolean priorityKept) {
        return new OrderAmended(0, 0, order, oldPriceTicks, oldQuantityLots, priorityKept);
    }

    /** Feeds one command's events to the projection; time in milliseconds. */
    static void command(Projection projection, long sequence, long timeMillis, CoreEvent... events) {
        projection.onCommand(sequence, timeMillis * 1_000_000L, List.of(events));
    }
}

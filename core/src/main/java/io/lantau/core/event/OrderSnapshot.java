package io.lantau.core.event;

import io.lantau.core.OrderStatus;
import io.lantau.core.OrderType;
import io.lantau.core.OrderView;
import io.lantau.core.SelfTradePrevention;
import io.lantau.core.Side;
import io.lantau.core.TimeInForce;

/** An immutable copy of an {@link OrderView} at one moment. */
public record OrderSnapshot(
        long orderId,
        long accountId,
        int marketId,
        String clientOrderId,
        Side side,
        OrderType type,
        TimeInForce timeInForce,
        SelfTradePrevention selfTradePrevention,
        long priceTicks,
        long quantityLots,
        long quoteAmountMinor,
        long filledLots,
        long cumulativeQuoteMinor,
        long cumulativeFeeMinor,
        long lockedMinor,
        OrderStatus status,
        long createdNanos,
        long updatedNanos) implements OrderView {

    public static OrderSnapshot of(OrderView o) {
        return new OrderSnapshot(o.orderId(), o.accountId(), o.marketId(), o.clientOrderId(), o.side(), o.type(),
                o.timeInForce(), o.selfTradePrevention(), o.priceTicks(), o.quantityLots(), o.quoteAmountMinor(),
                o.filledLots(), o.cumulativeQuoteMinor(), o.cumulativeFeeMinor(), o.lockedMinor(), o.status(),
                o.createdNanos(), o.updatedNanos());
    }
}

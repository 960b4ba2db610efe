package io.lantau.core;

/**
 * Read-only view of an order as events carry it. The core passes its live order object: a listener must copy what it
 * keeps (see {@link io.lantau.core.event.OrderSnapshot#of(OrderView)}), because the object is reused after the order
 * ends.
 */
public interface OrderView {
    long orderId();

    long accountId();

    int marketId();

    /** @return the client's id for the order, or {@code null} if it gave none. */
    String clientOrderId();

    Side side();

    OrderType type();

    TimeInForce timeInForce();

    /** @return the concrete mode in force (the market default already resolved). */
    SelfTradePrevention selfTradePrevention();

    /** @return limit price in ticks; 0 for market orders. */
    long priceTicks();

    /** @return ordered quantity in lots; for a market buy by quote amount, 0 (bounded by budget instead). */
    long quantityLots();

    /** @return the quote budget of a market buy by quote amount, else 0. */
    long quoteAmountMinor();

    long filledLots();

    /** @return quote minor units traded so far (sum of fill notionals). */
    long cumulativeQuoteMinor();

    /** @return fees charged so far, in quote minor units. */
    long cumulativeFeeMinor();

    /** @return what the order still holds locked: quote for a buy, base for a sell. */
    long lockedMinor();

    OrderStatus status();

    /** @return sequencer time of the command that created the order. */
    long createdNanos();

    /** @return sequencer time of the last change of the order. */
    long updatedNanos();
}

package io.lantau.core;

/**
 * The core's mutable order. Lives in one market's book while it rests, in its account's open-order list and in the
 * core's id index while it is open; reused from {@link OrderPool} after it ends. Fields are package-private: the
 * matching code reads and writes them directly on the hot path.
 */
final class Order implements OrderView {
    long orderId;
    Account account;
    int marketId;
    String clientOrderId;
    Side side;
    OrderType type;
    TimeInForce timeInForce;
    SelfTradePrevention stp;
    long priceTicks;
    long quantityLots;
    long quoteAmountMinor;
    /** Most lots the order may fill: its quantity, or unbounded for a market buy by quote amount. */
    long maxLots;
    /** Whether fills are bounded by {@link #lockedMinor} rather than by the limit price (market buys). */
    boolean budgetBounded;
    int makerBps;
    int takerBps;

    long filledLots;
    long cumulativeQuoteMinor;
    long cumulativeFeeMinor;
    long feeWhole;
    int feeRemainder;
    long lockedMinor;
    OrderStatus status;
    long createdNanos;
    long updatedNanos;

    // Price-level queue links, owned by the book.
    Order prevInLevel;
    Order nextInLevel;
    Object level;

    // The id index's bucket chain (OpenOrders).
    Order nextInBucket;

    // The account's open orders, in order-id order.
    Order prevOfAccount;
    Order nextOfAccount;

    long remainingLots() {
        return maxLots - filledLots;
    }

    /** @return the larger of the order's two fee rates, the one its lock provides for. */
    int maxBps() {
        return Math.max(makerBps, takerBps);
    }

    /** @return the increase of the charged fee if {@code notional} more were filled at {@code bps}. */
    long feeIncrease(long notional, int bps) {
        return Fees.charged(Fees.wholeAfter(feeWhole, feeRemainder, notional, bps),
                Fees.remainderAfter(feeRemainder, notional, bps)) - cumulativeFeeMinor;
    }

    /** Records a fill's notional at {@code bps} and returns the fee it adds. */
    long addFill(long lots, long notional, int bps, long timestampNanos) {
        long newWhole = Fees.wholeAfter(feeWhole, feeRemainder, notional, bps);
        int newRemainder = Fees.remainderAfter(feeRemainder, notional, bps);
        long charged = Fees.charged(newWhole, newRemainder);
        long fee = charged - cumulativeFeeMinor;
        feeWhole = newWhole;
        feeRemainder = newRemainder;
        cumulativeFeeMinor = charged;
        filledLots += lots;
        cumulativeQuoteMinor += notional;
        status = filledLots == maxLots ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        updatedNanos = timestampNanos;
        return fee;
    }

    void clear() {
        account = null;
        clientOrderId = null;
        level = null;
        prevInLevel = nextInLevel = prevOfAccount = nextOfAccount = nextInBucket = null;
        filledLots = cumulativeQuoteMinor = cumulativeFeeMinor = feeWhole = lockedMinor = 0;
        feeRemainder = 0;
    }

    @Override
    public long orderId() {
        return orderId;
    }

    @Override
    public long accountId() {
        return account.accountId;
    }

    @Override
    public int marketId() {
        return marketId;
    }

    @Override
    public String clientOrderId() {
        return clientOrderId;
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public OrderType type() {
        return type;
    }

    @Override
    public TimeInForce timeInForce() {
        return timeInForce;
    }

    @Override
    public SelfTradePrevention selfTradePrevention() {
        return stp;
    }

    @Override
    public long priceTicks() {
        return priceTicks;
    }

    @Override
    public long quantityLots() {
        return quantityLots;
    }

    @Override
    public long quoteAmountMinor() {
        return quoteAmountMinor;
    }

    @Override
    public long filledLots() {
        return filledLots;
    }

    @Override
    public long cumulativeQuoteMinor() {
        return cumulativeQuoteMinor;
    }

    @Override
    public long cumulativeFeeMinor() {
        return cumulativeFeeMinor;
    }

    @Override
    public long lockedMinor() {
        return lockedMinor;
    }

    @Override
    public OrderStatus status() {
        return status;
    }

    @Override
    public long createdNanos() {
        return createdNanos;
    }

    @Override
    public long updatedNanos() {
        return updatedNanos;
    }

    @Override
    public String toString() {
        return "Order{" + orderId + " " + side + " " + type + " " + quantityLots + "@" + priceTicks + " filled="
                + filledLots + " locked=" + lockedMinor + " " + status + "}";
    }
}

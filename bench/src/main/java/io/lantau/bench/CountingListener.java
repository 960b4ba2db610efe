package io.lantau.bench;

import io.lantau.core.CoreEventListener;
import io.lantau.core.OrderView;
import io.lantau.core.ResultCode;
import io.lantau.core.command.Command;
import io.lantau.core.command.PlaceOrder;

/**
 * The cheapest listener that still looks at what the core emits: it counts trades and rejections, so the driver can
 * check that a run did what the generator's run did, and the JIT cannot drop the event calls as dead.
 */
final class CountingListener implements CoreEventListener {
    long trades;
    long rejections;
    long quoteMinor;

    void reset() {
        trades = 0;
        rejections = 0;
        quoteMinor = 0;
    }

    @Override
    public void onTradeExecuted(long sequence, long timestampNanos, long tradeId, OrderView taker, OrderView maker,
            long priceTicks, long quantityLots, long tradeQuoteMinor, long takerFeeMinor, long makerFeeMinor) {
        trades++;
        quoteMinor += tradeQuoteMinor;
    }

    @Override
    public void onOrderRejected(long sequence, long timestampNanos, PlaceOrder command, ResultCode code) {
        rejections++;
    }

    @Override
    public void onCommandRejected(long sequence, long timestampNanos, Command command, ResultCode code) {
        rejections++;
    }
}

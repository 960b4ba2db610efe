package io.lantau.store.history;

import java.util.function.Consumer;

/**
 * Folds trades into aggregated trades: consecutive trades (by trade id) of the same taker order at the same price.
 * Trades may come in ascending or descending id order, as long as it is one of them throughout. Not thread-safe.
 */
final class AggTradeFolder {
    private final Consumer<AggTrade> sink;
    private TradeRecord first;
    private long lowId;
    private long highId;
    private long lowTimeNanos;
    private long quantityLots;

    AggTradeFolder(Consumer<AggTrade> sink) {
        this.sink = sink;
    }

    void add(TradeRecord t) {
        if (first != null && (t.takerOrderId() != first.takerOrderId() || t.priceTicks() != first.priceTicks())) {
            finish();
        }
        if (first == null) {
            first = t;
            lowId = highId = t.tradeId();
            lowTimeNanos = t.timeNanos();
            quantityLots = 0;
        }
        if (t.tradeId() < lowId) {
            lowId = t.tradeId();
            lowTimeNanos = t.timeNanos();
        }
        highId = Math.max(highId, t.tradeId());
        quantityLots += t.quantityLots();
    }

    /** Emits the aggregate in progress, if any. */
    void finish() {
        if (first == null) {
            return;
        }
        sink.accept(new AggTrade(lowId, first.marketId(), first.priceTicks(), quantityLots, lowId, highId,
                lowTimeNanos, first.isBuyerMaker()));
        first = null;
    }
}

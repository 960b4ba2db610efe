package io.lantau.core.event;

public record TradeExecuted(long sequence, long timestampNanos, long tradeId, OrderSnapshot taker, OrderSnapshot maker,
        long priceTicks, long quantityLots, long quoteMinor, long takerFeeMinor, long makerFeeMinor) implements CoreEvent {
}

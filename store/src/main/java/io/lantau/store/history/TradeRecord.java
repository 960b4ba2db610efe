package io.lantau.store.history;

import io.lantau.core.Side;

/**
 * One stored trade, as the core executed it.
 *
 * @param tradeId        the core's trade id (1, 2, 3 … over all markets).
 * @param quoteMinor     notional in quote minor units.
 * @param takerSide      the taker's side: SELL means the buyer was the maker.
 * @param takerFeeMinor  fee charged to the taker, quote minor units.
 * @param makerFeeMinor  fee charged to the maker, quote minor units.
 * @param timeNanos      the sequencer's time of the command that caused it, epoch nanoseconds.
 */
public record TradeRecord(long tradeId, int marketId, long priceTicks, long quantityLots, long quoteMinor,
        long takerOrderId, long takerAccountId, Side takerSide, long makerOrderId, long makerAccountId,
        long takerFeeMinor, long makerFeeMinor, long timeNanos) {

    /** @return whether the buyer was the maker (Binance's {@code isBuyerMaker} / {@code m}). */
    public boolean isBuyerMaker() {
        return takerSide == Side.SELL;
    }

    /** @return the trade time in epoch milliseconds. */
    public long timeMillis() {
        return Math.floorDiv(timeNanos, 1_000_000L);
    }
}

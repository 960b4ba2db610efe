package io.lantau.store.history;

import io.lantau.store.market.Candle;

/** A 1-minute candle the projection is building, and whether its row exists in the store yet. Not thread-safe. */
final class MinuteCandle {
    final Candle candle;
    boolean stored;

    MinuteCandle(Candle candle, boolean stored) {
        this.candle = candle;
        this.stored = stored;
    }

    static long key(int marketId, long openTimeMillis) {
        // Minutes since the epoch fit in 40 bits for the next two million years; market ids in the other 24.
        return (openTimeMillis / CandleRows.MINUTE_MILLIS) << 24 | marketId;
    }
}
